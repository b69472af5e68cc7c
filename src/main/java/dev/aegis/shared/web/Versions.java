package dev.aegis.shared.web;

import dev.aegis.shared.DomainRuleException;

/**
 * The optimistic-locking version of a record as HTTP sees it: the {@code ETag} of a read, sent back in
 * {@code If-Match} with a change, so a stale copy is refused with 409 instead of overwriting someone else's edit.
 */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header carries (strong or weak ETag). */
    public static long fromIfMatch(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new DomainRuleException(
                    "If-Match", "If-Match holds the ETag (version) of the copy you changed, e.g. \"3\".");
        }
    }
}
