package dev.aegis.shared.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The page of a listing the API is asked for, bound once from the query ({@code page}, {@code size}) for every paged
 * endpoint: pages count from 0, a page holds 1 to {@value PageResponse#MAX_SIZE} items, {@value #DEFAULT_SIZE} unless
 * asked. Out of range or not a number is a 400 naming the parameter (see {@link ProblemDetailsAdvice}). Taken as
 * {@code @Valid PageParams paging}.
 */
@ParameterObject
public record PageParams(
        @Schema(type = "integer", format = "int32", defaultValue = "0", minimum = "0")
        @Min(value = 0, message = PageResponse.PAGE_RULE)
        Integer page,

        @Schema(
                type = "integer",
                format = "int32",
                defaultValue = "" + PageParams.DEFAULT_SIZE,
                minimum = "1",
                maximum = "" + PageResponse.MAX_SIZE)
        @Min(value = 1, message = PageResponse.SIZE_RULE)
        @Max(value = PageResponse.MAX_SIZE, message = PageResponse.SIZE_RULE)
        Integer size) {

    public static final int DEFAULT_SIZE = 50;

    /** The page asked for (0 when not). */
    public int number() {
        return page == null ? 0 : page;
    }

    /** How many a page holds ({@value #DEFAULT_SIZE} when not asked). */
    public int count() {
        return size == null ? DEFAULT_SIZE : size;
    }

    /** The page in this order. */
    public PageRequest request(Sort sort) {
        return PageRequest.of(number(), count(), sort);
    }

    public PageRequest request() {
        return PageRequest.of(number(), count());
    }
}
