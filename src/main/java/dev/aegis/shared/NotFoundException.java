package dev.aegis.shared;

/** A requested object does not exist (or is not visible to the caller); the API answers 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
