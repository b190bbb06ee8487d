package formlab.display;

/** Something that knows how to show itself in a notebook or report as HTML. */
public interface HtmlRenderable {

    /** A self-contained HTML fragment (no external scripts or styles). */
    String toHtml();
}
