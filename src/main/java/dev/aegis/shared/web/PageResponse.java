package dev.aegis.shared.web;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of an API listing, in the same shape for every endpoint. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    /** The largest page a listing serves; {@code size} above it (or {@code page} below 0) is a 400. */
    public static final int MAX_SIZE = 500;

    public static final String PAGE_RULE = "Pages count from 0.";
    public static final String SIZE_RULE = "Ask for 1 to 500 a page.";

    public static <T> PageResponse<T> of(Page<T> p) {
        return new PageResponse<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
    }
}
