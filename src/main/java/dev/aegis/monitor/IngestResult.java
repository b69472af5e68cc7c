package dev.aegis.monitor;

import java.util.List;

/** What became of a request's events: the good ones are kept (durably) even when others are refused. */
public record IngestResult(int accepted, int rejected, List<Rejection> rejections) {

    /** Why the event at {@code index} (0-based in the request) was refused. */
    public record Rejection(int index, String field, String message) {}
}
