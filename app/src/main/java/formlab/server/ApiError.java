package formlab.server;

/**
 * A request the API refuses: the HTTP status and the message sent back as {@code {"error": message}}.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status (400, 404, 413, 415, ...)
     * @param message what was wrong and what was expected
     */
    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** 400: the request is malformed. */
    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    /** 404: no such model or route. */
    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    /** 413: the body (or the image in it) is over a limit. */
    static ApiError tooLarge(String message) {
        return new ApiError(413, message);
    }

    /** 415: the body's content type is not one the endpoint reads. */
    static ApiError unsupportedType(String message) {
        return new ApiError(415, message);
    }
}
