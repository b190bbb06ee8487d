package formlab.cli;

import formlab.options.Args;
import formlab.options.UsageException;
import formlab.eval.validation.DuplicateRecordings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code formlab duplicates FOLDER}: recordings that are copies by content (clock columns ignored). */
public final class DuplicatesCommand implements Command {

    @Override
    public String name() { return "duplicates"; }

    @Override
    public String summary() { return "find CSV recordings that are copies by content, even with shifted clocks"; }

    @Override
    public String usage() {
        return """
                usage: formlab duplicates FOLDER
                  Compares every *.csv under FOLDER by its value columns (columns named like epoch, time, date or
                  timestamp are ignored). Exit status 3 when copies are found, 1 when a file cannot be read.""";
    }

    @Override
    public int run(Args args, PrintStream out) throws Exception {
        args.rejectUnknown();
        if (args.positionals().size() != 1) {
            throw new UsageException("expected one folder");
        }
        Path folder = Path.of(args.positionals().getFirst());
        if (!Files.isDirectory(folder)) {
            throw new UsageException("no such folder: " + folder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        List<List<Path>> copies = DuplicateRecordings.find(files, DuplicateRecordings.NOT_A_CLOCK);
        out.printf("%d CSV files, %d groups of copies%n", files.size(), copies.size());
        for (List<Path> group : copies) {
            out.println("same values:");
            group.forEach(p -> out.println("  " + folder.relativize(p)));
        }
        return copies.isEmpty() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
