package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.data.ProjectPaths;
import formlab.label.DatasetVersion;
import formlab.label.LabelDatasets;
import formlab.label.LabelStudioImportException;
import formlab.label.LabellingRound;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code formlab al-import}: check a Label Studio export against its round and write the next dataset version. */
public final class AlImportCommand implements Command {

    @Override
    public String name() { return "al-import"; }

    @Override
    public String summary() { return "import a Label Studio JSON export as the next version of the label dataset"; }

    @Override
    public String usage() {
        return """
                usage: formlab al-import --round FOLDER --file EXPORT.json [--partial] [--labels FOLDER]
                  FOLDER is the round written by al-export. Every task and annotation is checked (item ids of the round,
                  one completed annotation per item, labels of the round's classes, annotator and time present); all
                  problems are listed, naming task and field, and nothing is written unless there are none. The new
                  version holds the previous labels plus these, under data/processed/labels/<dataset>/v<N>/.
                  An export that leaves items of the round unlabelled (not exported, no annotation, cancelled) is
                  refused, saying what is missing, unless --partial; a round imported in part can be completed by
                  importing a fuller export of the same round. An export without any new label is always refused.""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        Path round = Path.of(args.required("round"));
        Path file = Path.of(args.required("file"));
        boolean partial = args.flag("partial");
        LabelDatasets datasets = args.option("labels").map(f -> new LabelDatasets(Path.of(f)))
                .orElseGet(() -> LabelDatasets.of(ProjectPaths.locate()));
        args.rejectUnknown();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        DatasetVersion version;
        try {
            version = LabellingRound.importRound(datasets, round, file, partial);
        } catch (LabelStudioImportException e) {
            out.println(e.getMessage());
            return 1;
        }
        out.println("wrote " + version.id() + " (" + version.labels().size() + " labelled items) in " + version.folder());
        out.println(version.counts().print());
        out.println("next: formlab retrain --dataset " + version.id());
        return 0;
    }
}
