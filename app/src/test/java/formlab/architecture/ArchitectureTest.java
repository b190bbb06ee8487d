package formlab.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import formlab.model.Classifier;
import formlab.model.ModelType;
import formlab.model.Trainer;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's package structure as rules: packages form no cycle, each layer calls only the layers
 * below it, and the core never reaches deep-learning or Raspberry Pi classes. docs/architecture.md draws
 * the same picture.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importLibrary() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // other modules' test helpers
                .importPackages("formlab");
    }

    /** The rules see every module (core, dl, deploy, app), whether as class folders or JARs. */
    @Test
    void everyModuleIsImported() {
        for (String name : List.of("formlab.data.ProjectPaths", "formlab.cnn.CnnTrainer", "formlab.pose.estimate.PoseEstimator",
                "formlab.deploy.TrackerMain", "formlab.cli.Main", "formlab.notebook.Notebook", "formlab.server.ApiServer")) {
            assertTrue(classes.contain(name), name + " was not imported");
        }
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching("formlab.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void subPackagesFormNoCycle() {
        slices().matching("formlab.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * Bottom to top: data and display values; dataset descriptions; the modalities (imu, image, pose); features; the model
     * contract with Smile and Tribuo; evaluation; the registry; the CNN; the tasks (exercise, posture);
     * live streaming and labelling; the Pi runtime; the command line, notebook helpers and HTTP server.
     */
    @Test
    void layersCallOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ground").definedBy("formlab", "formlab.data..", "formlab.display..", "formlab.options..")
                .layer("dataset").definedBy("formlab.dataset..")
                .layer("imu").definedBy("formlab.imu..")
                .layer("image").definedBy("formlab.image..")
                .layer("pose").definedBy("formlab.pose..")
                .layer("features").definedBy("formlab.features..")
                .layer("model").definedBy("formlab.model..")
                .layer("eval").definedBy("formlab.eval..")
                .layer("registry").definedBy("formlab.registry..")
                .layer("cnn").definedBy("formlab.cnn..")
                .layer("exercise").definedBy("formlab.exercise..")
                .layer("posture").definedBy("formlab.posture..")
                .layer("stream").definedBy("formlab.stream..")
                .layer("label").definedBy("formlab.label..")
                .layer("deploy").definedBy("formlab.deploy..")
                .layer("top").definedBy("formlab.cli..", "formlab.notebook..", "formlab.server..")
                .whereLayer("top").mayNotBeAccessedByAnyLayer()
                .whereLayer("deploy").mayOnlyBeAccessedByLayers("top")
                .whereLayer("label").mayOnlyBeAccessedByLayers("top")
                .whereLayer("stream").mayOnlyBeAccessedByLayers("deploy", "label", "top")
                .whereLayer("posture").mayOnlyBeAccessedByLayers("label", "top")
                .whereLayer("exercise").mayOnlyBeAccessedByLayers("stream", "deploy", "label", "top")
                .whereLayer("cnn").mayOnlyBeAccessedByLayers("posture", "label", "top")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("cnn", "exercise", "posture", "stream", "label",
                        "deploy", "top")
                .whereLayer("eval").mayOnlyBeAccessedByLayers("registry", "cnn", "exercise", "posture", "stream",
                        "label", "deploy", "top")
                .whereLayer("model").mayOnlyBeAccessedByLayers("eval", "registry", "cnn", "exercise", "posture",
                        "stream", "label", "deploy", "top")
                .whereLayer("features").mayOnlyBeAccessedByLayers("model", "eval", "registry", "cnn", "exercise",
                        "posture", "stream", "label", "deploy", "top")
                .whereLayer("pose").mayOnlyBeAccessedByLayers("features", "model", "eval", "registry", "cnn",
                        "exercise", "posture", "stream", "label", "deploy", "top")
                .whereLayer("image").mayOnlyBeAccessedByLayers("pose", "features", "model", "eval", "registry",
                        "cnn", "exercise", "posture", "stream", "label", "deploy", "top")
                .whereLayer("imu").mayOnlyBeAccessedByLayers("features", "model", "eval", "registry", "cnn",
                        "exercise", "posture", "stream", "label", "deploy", "top")
                .whereLayer("dataset").mayOnlyBeAccessedByLayers("imu", "image", "pose", "features", "model", "eval",
                        "registry", "cnn", "exercise", "posture", "stream", "label", "deploy", "top")
                .check(classes);
    }

    @Test
    void onlyTheCnnAndPoseEstimationReachDeepLearning() {
        noClasses().that().resideOutsideOfPackages("formlab.cnn..", "formlab.pose.estimate..", "formlab.notebook..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.bytedeco..", "org.jcodec..")
                .check(classes);
    }

    /** The core (and the Pi runtime) never call deep-learning code: only posture comparisons and the top floor do. */
    @Test
    void coreNeverReachesTheDeepLearningPackages() {
        noClasses().that().resideOutsideOfPackages("formlab.cnn..", "formlab.pose.estimate..", "formlab.posture..",
                        "formlab.cli..", "formlab.notebook..", "formlab.server..")
                .should().dependOnClassesThat().resideInAnyPackage("formlab.cnn..", "formlab.pose.estimate..")
                .check(classes);
    }

    /** The HTTP server library stays on the top floor: only the server (and the command that starts it) touch it. */
    @Test
    void onlyTheServerReachesTheHttpLibrary() {
        noClasses().that().resideOutsideOfPackages("formlab.server..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
                .check(classes);
    }

    /** The server answers with the library, never by running commands of the command line. */
    @Test
    void theServerDoesNotCallTheCommandLine() {
        noClasses().that().resideInAPackage("formlab.server..")
                .should().dependOnClassesThat().resideInAnyPackage("formlab.cli..", "formlab.notebook..")
                .check(classes);
    }

    @Test
    void onlyTheDeployRuntimeReachesPi4j() {
        noClasses().that().resideOutsideOfPackage("formlab.deploy..")
                .should().dependOnClassesThat().resideInAnyPackage("com.pi4j..")
                .check(classes);
    }

    /**
     * One model contract: the code that stores, loads, creates and registers models of every kind
     * (ModelFiles, Trainers, ModelTypes, the registry) names no model kind; each kind's
     * {@link ModelType} does. Adding a model type touches no switch there.
     */
    @Test
    void modelFilesTrainersAndTheRegistryNameNoModelKind() {
        noClasses().that().haveFullyQualifiedName("formlab.model.ModelFiles")
                .or().haveFullyQualifiedName("formlab.model.Trainers")
                .or().haveFullyQualifiedName("formlab.model.ModelTypes")
                .or().haveFullyQualifiedName("formlab.registry.ModelRegistry")
                .or().haveFullyQualifiedName("formlab.registry.ModelPayload")
                .or().haveFullyQualifiedName("formlab.registry.ModelCard")
                .should().dependOnClassesThat().implement(Classifier.class)
                .orShould().dependOnClassesThat().implement(Trainer.class)
                .orShould().dependOnClassesThat().implement(ModelType.class)
                .because("ModelFiles and Trainers delegate to the ModelType found by engine or trainer name")
                .check(classes);
    }

    /** Model payloads are decoded only inside model types (Smile's deserialization allow-list, Tribuo's protobuf check). */
    @Test
    void onlyModelTypesDecodeModelPayloads() {
        noClasses().that().resideInAPackage("formlab..").and().doNotImplement(ModelType.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.tribuo.protos.core.ModelProto")
                .check(classes);
    }

    /**
     * The image CNN registers through ModelRegistry.register like every model (its payload a model
     * file written by its ModelType), never with a payload of its own.
     */
    @Test
    void theCnnRegistersOnlyThroughTheRegistry() {
        noClasses().that().resideInAPackage("formlab.cnn..")
                .should().dependOnClassesThat().haveFullyQualifiedName("formlab.registry.ModelPayload")
                .because("a CNN version is a model file (ModelPayload.of through ModelRegistry.register)")
                .check(classes);
    }

    /** Every model type in the library is found by the service lookup (listed in its module's META-INF/services). */
    @Test
    void everyModelTypeIsListedForTheServiceLookup() {
        TreeSet<String> implemented = new TreeSet<>();
        for (JavaClass type : classes) {
            if (type.isAssignableTo(ModelType.class) && !type.isInterface() && !type.getModifiers().contains(JavaModifier.ABSTRACT)) {
                implemented.add(type.getName());
            }
        }
        TreeSet<String> listed = new TreeSet<>();
        ServiceLoader.load(ModelType.class).stream().forEach(provider -> listed.add(provider.type().getName()));
        assertTrue(implemented.contains("formlab.cnn.CnnModelType") && implemented.contains("formlab.model.SmileModelType"), implemented.toString());
        assertEquals(implemented, listed, "model types and META-INF/services/formlab.model.ModelType must agree");
    }
}
