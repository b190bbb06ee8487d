# FormLab: `make help` lists what you can do. The two commands most people need:
#   make all    set everything up and run every notebook to reports/
#   make test   run the unit tests and every notebook in smoke mode in a real browser
.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON := /usr/bin/python3
MVN := mvn -B --no-transfer-progress
JDK = $(shell scripts/find-jdk.sh)
WITH_JDK = export JAVA_HOME="$(JDK)" PATH="$(JDK)/bin:$$PATH"; test -n "$(JDK)" || exit 1;
BUILD_STAMP := build/.library-built
MODULES := core dl deploy app kernel pi
SOURCES := $(shell find $(addsuffix /src,$(MODULES)) -type f 2>/dev/null) pom.xml $(addsuffix /pom.xml,$(MODULES)) kernel/init.jsh
# The minified plotly.js that reports and notebooks inline, fetched by `make setup` (scripts/fetch-plotly.sh).
PLOTLY_BUNDLE := build/external/plotly/formlab/display/plotly-cartesian.min.js

.PHONY: help all setup build kernel reports test unit-test test-notebooks test-browser test-runner notebook pi-bundle pose-models bench-peers clean

help: ## List the targets with what they do
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-15s\033[0m %s\n", $$1, $$2}'

all: reports ## Set everything up (system packages, build, kernel) and run every notebook to reports/

setup: ## Install missing system packages (Jupyter, Chromium for the browser test), fetch plotly.js and the pose models
	@scripts/setup-system.sh
	@if command -v npm >/dev/null 2>&1; then scripts/fetch-plotly.sh || echo "setup: minified plotly.js not fetched; reports inline the full plotly.js (about 11 MB each)" >&2; \
	else echo "setup: npm not found; reports inline the full plotly.js (about 11 MB each)" >&2; fi
	@if command -v npm >/dev/null 2>&1; then scripts/fetch-pose-models.sh || echo "setup: pose models not fetched; image pose estimation is skipped until 'make pose-models' succeeds" >&2; \
	else echo "setup: npm not found; image pose estimation is skipped until 'make pose-models' succeeds" >&2; fi

build: $(BUILD_STAMP) ## Build the modules (core, dl, deploy, app), the kernel and the Pi bundle (only when sources changed)

$(BUILD_STAMP): $(SOURCES) $(wildcard $(PLOTLY_BUNDLE))
	@$(WITH_JDK) $(MVN) -q package -DskipTests
	@mkdir -p build && touch $@

kernel: setup build ## Install the "Java (FormLab)" Jupyter kernel (harmless to repeat)
	@scripts/install-kernel.sh

reports: kernel ## Execute every notebook in order, write reports/<notebook>.html and index.html, check them offline in Chromium
	@$(PYTHON) scripts/run_notebooks.py
	@$(PYTHON) scripts/browser_notebooks.py --reports reports

test: unit-test test-runner test-browser ## Run all tests: unit tests, runner tests, every notebook in smoke mode in Chromium

unit-test: ## Run the Java unit tests (tests on real data need FORMLAB_DATA_DIR)
	@$(WITH_JDK) $(MVN) test

test-runner: kernel ## Test the notebook runner and the browser test themselves (failing cells, offline reports, plotly blocked)
	@$(PYTHON) -m unittest discover -s scripts/tests -t scripts -v

test-notebooks: kernel ## Execute every notebook headless in smoke mode (reduced data) into build/test-reports
	@$(PYTHON) scripts/run_notebooks.py --smoke --force --output-dir build/test-reports

test-browser: kernel ## Run every notebook in smoke mode in a Jupyter Notebook server in headless Chromium; screenshots in build/browser
	@$(PYTHON) scripts/browser_notebooks.py --smoke

notebook: kernel ## Open the notebooks in Jupyter's classic Notebook server (Cell > Run All runs a chapter)
	@cd notebooks && jupyter notebook

pi-bundle: build ## Build and check the Raspberry Pi tracker with the exercise model: pi/target/dist/ (JAR, config, systemd unit)
	@stage() { scripts/stage-pi-model.sh models imu-exercise build/pi-model || \
		scripts/stage-pi-model.sh models imu-exercise-simulated build/pi-model; }; \
	stage || { echo "no exercise model in models/: training one with 'bin/formlab train' (minutes)"; bin/formlab train; stage; }
	@$(WITH_JDK) $(MVN) -q package -pl pi -am -DskipTests -Dtracker.model.dir="$(CURDIR)/build/pi-model"
	@scripts/check-pi-bundle.sh "$(JDK)" pi/target/dist

bench-peers: build ## Peer benchmarks: scikit-learn on the same data and leave-one-subject-out folds, printed beside FormLab's numbers (needs FORMLAB_DATA_DIR; minutes)
	@$(PYTHON) scripts/peers/imu_physio_peer.py --formlab bin/formlab
	@$(PYTHON) scripts/peers/pose_repcount_rf.py --formlab bin/formlab
	@$(PYTHON) scripts/peers/pose_repcount_reps.py --formlab bin/formlab

clean: ## Remove build outputs and reports (keeps data and models)
	@$(WITH_JDK) $(MVN) -q clean
	@rm -rf build reports/*.html reports/.stamps
