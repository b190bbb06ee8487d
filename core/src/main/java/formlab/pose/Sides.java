package formlab.pose;

/** Left/right naming shared by the body-part enums: their left and right members differ only by prefix. */
final class Sides {

    private Sides() {
    }

    /** The member of {@code value}'s enum on the other side; a member without a side is its own mirror. */
    static <E extends Enum<E>> E mirror(E value) {
        String name = value.name();
        if (name.startsWith("LEFT_")) {
            return Enum.valueOf(value.getDeclaringClass(), "RIGHT_" + name.substring(5));
        }
        if (name.startsWith("RIGHT_")) {
            return Enum.valueOf(value.getDeclaringClass(), "LEFT_" + name.substring(6));
        }
        return value;
    }
}
