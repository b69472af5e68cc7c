package dev.aegis.shared.web;

/** Field paths as Bean Validation writes them ({@code contacts[0].email}) and as RFC 6901 JSON pointers ({@code /contacts/0/email}). */
final class JsonPointers {

    private JsonPointers() {}

    /** The JSON pointer of a dotted field path; "" (the whole body) for an empty one. */
    static String of(String dotted) {
        if (dotted == null || dotted.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : dotted.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(escape(part));
            }
        }
        return pointer.toString();
    }

    /** The dotted field path of a JSON pointer, as the first version of the API named fields. */
    static String dotted(String pointer) {
        StringBuilder dotted = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                dotted.append('[').append(name).append(']');
            } else {
                dotted.append(dotted.isEmpty() ? "" : ".").append(name);
            }
        }
        return dotted.toString();
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
