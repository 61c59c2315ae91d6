package dev.crosswalk.app.system;

/** A failure the API reports with a stable {@link ErrorCode} and a detail safe to show users. */
public final class CrosswalkException extends RuntimeException {
    private final ErrorCode code;

    private CrosswalkException(ErrorCode code, String detail) {
        super(detail);
        this.code = code;
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
