package dev.crosswalk.app.system;

/** A failure the API reports with a stable {@link ErrorCode} and a detail safe to show users. */
public final class CrosswalkException extends RuntimeException {
    private final ErrorCode code;
    private final Related related;

    /**
     * The existing thing a refusal is about (the integration that already syncs this org): pages link
     * to it and API problems carry its id, so the user goes there instead of reading an id out of a sentence.
     */
    public record Related(java.util.UUID id, String name) {
    }

    private CrosswalkException(ErrorCode code, String detail, Related related) {
        super(detail);
        this.code = code;
        this.related = related;
    }

    private CrosswalkException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    /** The same refusal, pointing at the existing thing it is about. */
    public CrosswalkException about(java.util.UUID id, String name) {
        return new CrosswalkException(code, getMessage(), new Related(id, name));
    }

    public java.util.Optional<Related> related() {
        return java.util.Optional.ofNullable(related);
    }

    public static CrosswalkException of(ErrorCode code, String detail) {
        return new CrosswalkException(code, detail);
    }

    public static CrosswalkException notFound(String what) {
        return new CrosswalkException(ErrorCode.NOT_FOUND, what + " does not exist");
    }

    public static CrosswalkException forbidden(String detail) {
        return new CrosswalkException(ErrorCode.FORBIDDEN, detail);
    }

    public ErrorCode code() {
        return code;
    }
}
