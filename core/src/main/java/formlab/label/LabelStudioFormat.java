package formlab.label;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Names shared by export and import. Tasks follow Label Studio's JSON task format: {@code data}
 * holds the item (our {@code item_id}, the picture in {@code image}, its source and group),
 * {@code predictions} the model's pre-annotation with its {@code score}, and an exported task
 * carries {@code annotations}, each with a {@code result} list whose {@code choices} result names
 * the label. The labeling interface ({@link #labelConfig}) has one {@code Image} object named
 * {@value #OBJECT} and one single-choice {@code Choices} control named {@value #CONTROL}.
 */
public final class LabelStudioFormat {

    /** Name of the Choices control ({@code from_name} of results). */
    public static final String CONTROL = "label";
    /** Name of the Image object ({@code to_name} of results). */
    public static final String OBJECT = "image";
    /** Result type of a classification answer. */
    public static final String CHOICES = "choices";
    /** Key in {@code data} holding FormLab's item id. */
    public static final String ITEM_ID = "item_id";
    /** Prefix Label Studio uses to serve files from its local-files document root. */
    public static final String LOCAL_FILES = "/data/local-files/?d=";

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private LabelStudioFormat() {
    }

    /**
     * The labeling interface XML for {@code classes}: a question, the picture and one single choice.
     * The item's source stays out of sight: in recorded datasets it often names the label.
     */
    public static String labelConfig(java.util.List<String> classes) {
        StringBuilder xml = new StringBuilder("<View>\n")
                .append("  <Header value=\"Which class is this?\"/>\n")
                .append("  <Image name=\"").append(OBJECT).append("\" value=\"$image\" zoom=\"true\"/>\n")
                .append("  <Choices name=\"").append(CONTROL).append("\" toName=\"").append(OBJECT)
                .append("\" choice=\"single\" showInLine=\"true\" required=\"true\">\n");
        for (String c : classes) {
            xml.append("    <Choice value=\"").append(escape(c)).append("\"/>\n");
        }
        return xml.append("  </Choices>\n</View>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
