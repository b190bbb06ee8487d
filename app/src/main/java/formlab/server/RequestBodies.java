package formlab.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Reading request bodies within the configured size limit, and checking their content type. */
final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * The body, at most {@code limit} bytes.
     *
     * @throws ApiError 413 when the declared or the actual length is over the limit, 400 when empty
     */
    static byte[] read(Context ctx, long limit) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw ApiError.tooLarge("request body of " + declared + " bytes is over the limit of " + limit + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw ApiError.tooLarge("request body is over the limit of " + limit + " bytes");
            }
            if (bytes.length == 0) {
                throw ApiError.badRequest("empty request body");
            }
            return bytes;
        }
    }

    /**
     * The media type of the request (lower case, without parameters such as {@code charset}).
     *
     * @param accepted the media types the endpoint reads; an entry ending in {@code /*} accepts its whole family
     * @throws ApiError 415 when it is missing or not accepted
     */
    static String requireType(Context ctx, List<String> accepted) {
        String header = ctx.header("Content-Type");
        String type = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (String ok : accepted) {
            if (ok.endsWith("/*") ? type.startsWith(ok.substring(0, ok.length() - 1)) : type.equals(ok)) {
                return type;
            }
        }
        throw ApiError.unsupportedType((type.isEmpty() ? "no Content-Type" : "Content-Type '" + type + "'")
                + " on " + ctx.method() + " " + ctx.path() + "; expected " + String.join(" or ", accepted));
    }
}
