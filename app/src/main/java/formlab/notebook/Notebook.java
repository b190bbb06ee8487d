package formlab.notebook;

import formlab.display.Html;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Output for notebook cells: {@code show(x)} displays a table, plot, image or
 * {@link HtmlRenderable} as rich HTML in the Java (FormLab) kernel. The kernel's start-up script
 * imports {@code show} statically, so a cell reads {@code show(table);}.
 *
 * <p>The library does not depend on the kernel at compile time: when the kernel's display
 * function is on the classpath it is used, otherwise (plain Java, tests, the command line) the
 * HTML is printed to standard output.
 */
public final class Notebook {

    private static final String KERNEL_DISPLAY_CLASS = "org.rapaio.jupyter.kernel.global.Global";
    private static final MethodHandle KERNEL_DISPLAY = findKernelDisplay();

    private Notebook() {
    }

    /** Shows {@code value} in the current cell's output as HTML (see {@link Html#of(Object)}). */
    public static void show(Object value) {
        showHtml(Html.of(value));
    }

    /** Shows a ready HTML fragment in the current cell's output. */
    public static void showHtml(String html) {
        if (KERNEL_DISPLAY == null) {
            System.out.println(html);
            return;
        }
        try {
            KERNEL_DISPLAY.invoke("text/html", (Object) html);
        } catch (Throwable e) {
            throw new IllegalStateException("The notebook kernel could not display the output", e);
        }
    }

    /** True when running inside the Java (FormLab) notebook kernel. */
    public static boolean inKernel() {
        return KERNEL_DISPLAY != null;
    }

    private static MethodHandle findKernelDisplay() {
        try {
            Class<?> global = Class.forName(KERNEL_DISPLAY_CLASS, true, Thread.currentThread().getContextClassLoader());
            return MethodHandles.publicLookup().findStatic(global, "display",
                    MethodType.methodType(String.class, String.class, Object.class));
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return null;
        }
    }
}
