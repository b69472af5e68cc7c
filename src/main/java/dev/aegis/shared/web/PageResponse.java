package dev.aegis.shared.web;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of an API listing, in the same shape for every endpoint. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(Page<T> p) {
        return new PageResponse<>(p.getContent(), p.getNumber(), p.getSize(), p.getTotalElements(), p.getTotalPages());
    }
}
