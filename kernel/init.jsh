import java.util.*;
import java.util.stream.*;
import java.nio.file.*;
import formlab.data.*;
import formlab.notebook.*;
import tech.tablesaw.api.*;
import tech.tablesaw.plotly.api.*;
import tech.tablesaw.plotly.components.*;
import static formlab.notebook.Notebook.show;
