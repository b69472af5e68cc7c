package dev.aegis.monitor.llm;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text. Numbers are checked the way their issuers check them (payment cards with the Luhn
 * check and a card network's prefix, IBANs with their country's length and ISO 13616 mod-97, Spanish DNI/NIE with its
 * letter, Dutch BSN with the eleven-test, US SSNs and UK National Insurance numbers with their allocation rules), so
 * an order number or a version string is not reported as personal data. Cheap characters gate each detector (no '@',
 * no e-mail scan), which keeps scanning fast on ordinary text.
 */
public final class PersonalData {

    /** What kind of personal data a text held. */
    public enum Kind {
        EMAIL("e-mail address"),
        PHONE("phone number"),
        PAYMENT_CARD("payment card number"),
        IBAN("IBAN"),
        NATIONAL_ID("national identifier"),
        IP_ADDRESS("IP address"),
        CUSTOM("personal data (deployment pattern)");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");
    private static final Pattern IBAN_PATTERN =
            Pattern.compile("\\b([A-Z]{2})(\\d{2})((?: ?[A-Z0-9]){11,30})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE_INTERNATIONAL =
            Pattern.compile("(?<![\\w+])\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}(?!\\d)");
    private static final Pattern PHONE_NATIONAL = Pattern.compile(
            "(?<!\\d)(?:\\(\\d{3}\\) ?|\\d{3}[-. ])\\d{3}[-. ]\\d{4}(?!\\d)|(?<!\\d)0\\d{2,4}[ -]\\d{3,4}[ -]?\\d{3,4}(?!\\d)");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})-(\\d{2})-(\\d{4})(?![\\d-])");
    private static final Pattern NINO =
            Pattern.compile("\\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([A-D])\\b");
    private static final Pattern DNI = Pattern.compile("\\b([XYZ]?)(\\d{7,8})-?([A-Z])\\b");
    private static final Pattern BSN = Pattern.compile("(?i)\\b(?:bsn|burgerservicenummer)\\b\\D{0,20}(\\d{9})(?!\\d)");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}(?![\\w:])"
                    + "|(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){1,6}(?::[0-9a-fA-F]{1,4}){1,6}(?![\\w:])"
                    + "|(?<![\\w:])(?:[0-9a-fA-F]{1,4}:){2,7}:(?![\\w:])|(?<![\\w:])::(?:[0-9a-fA-F]{1,4}:){0,5}[0-9a-fA-F]{1,4}(?![\\w:])");

    /** ISO 13616 IBAN lengths of the countries most traffic comes from (SWIFT's registry). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AT", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("CH", 21),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DK", 18),
            Map.entry("EE", 20),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GR", 27),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("MC", 27),
            Map.entry("MT", 31),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("PL", 28),
            Map.entry("PT", 25),
            Map.entry("RO", 24),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("TR", 26));

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** How far around a run of digits the number detectors look (a BSN's keyword, an IBAN's letters). */
    private static final int REACH = 40;

    private final List<Pattern> custom;

    /** {@code custom}: a deployment's own patterns (regular expressions), reported as {@link Kind#CUSTOM}. */
    public PersonalData(List<Pattern> custom) {
        this.custom = List.copyOf(custom);
    }

    public PersonalData() {
        this(List.of());
    }

    /** The kinds of personal data found in {@code text} (empty when none, or no text). */
    public Set<Kind> find(String text) {
        Set<Kind> found = EnumSet.noneOf(Kind.class);
        if (text == null || text.isEmpty()) {
            return found;
        }
        boolean at = false;
        boolean plus = false;
        int colons = 0;
        // the number detectors read only the stretches around digits: ordinary prose costs one pass over its chars
        List<int[]> regions = new java.util.ArrayList<>(4);
        int digits = 0;
        int regionDigits = 0;
        int regionStart = -1;
        int regionEnd = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (regionStart >= 0 && i - REACH <= regionEnd) {
                    regionEnd = i + 1;
                } else {
                    if (regionStart >= 0) {
                        regions.add(new int[] {regionStart, regionEnd, regionDigits});
                    }
                    regionStart = i;
                    regionEnd = i + 1;
                    regionDigits = 0;
                }
                regionDigits++;
            } else if (c == '@') {
                at = true;
            } else if (c == '+') {
                plus = true;
            } else if (c == ':') {
                colons++;
            }
        }
        if (regionStart >= 0) {
            regions.add(new int[] {regionStart, regionEnd, regionDigits});
        }
        if (at && email(text)) {
            found.add(Kind.EMAIL);
        }
        for (int[] r : regions) {
            int from = Math.max(0, r[0] - REACH);
            int to = Math.min(text.length(), r[1] + REACH);
            int n = r[2];
            if (n >= 12 && !found.contains(Kind.PAYMENT_CARD) && card(in(CARD, text, from, to))) {
                found.add(Kind.PAYMENT_CARD);
            }
            if (n >= 2 && !found.contains(Kind.IBAN) && iban(in(IBAN_PATTERN, text, from, to))) {
                found.add(Kind.IBAN);
            }
            if (n >= 6 && !found.contains(Kind.NATIONAL_ID) && nationalId(text, from, to)) {
                found.add(Kind.NATIONAL_ID);
            }
            if (n >= 4
                    && !found.contains(Kind.IP_ADDRESS)
                    && in(IPV4, text, from, to).find()) {
                found.add(Kind.IP_ADDRESS);
            }
            if (n >= 7 && !found.contains(Kind.PHONE) && phone(text, from, to, plus)) {
                found.add(Kind.PHONE);
            }
        }
        if (colons >= 2 && IPV6.matcher(text).find()) {
            found.add(Kind.IP_ADDRESS);
        }
        for (Pattern p : custom) {
            // under a step budget: a pattern that backtracks badly on this text is given up, not run for minutes
            if (Boolean.TRUE.equals(PatternGuard.find(p, text))) {
                found.add(Kind.CUSTOM);
                break;
            }
        }
        return found;
    }

    // ---- e-mail: expand around each '@' instead of running a regex over the whole text ------------------------------

    static boolean email(String s) {
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int l = at;
            while (l > 0 && localChar(s.charAt(l - 1))) {
                l--;
            }
            if (l == at || s.charAt(l) == '.') {
                continue;
            }
            int r = at + 1;
            int lastDot = -1;
            while (r < s.length() && domainChar(s.charAt(r))) {
                if (s.charAt(r) == '.') {
                    lastDot = r;
                }
                r++;
            }
            // a sentence's full stop right after the address is no part of it
            while (r > at + 1 && s.charAt(r - 1) == '.') {
                r--;
                lastDot = s.lastIndexOf('.', r - 1);
            }
            if (lastDot > at + 1 && r - lastDot - 1 >= 2 && letters(s, lastDot + 1, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean localChar(char c) {
        return c >= 'a' && c <= 'z'
                || c >= 'A' && c <= 'Z'
                || c >= '0' && c <= '9'
                || c == '.'
                || c == '_'
                || c == '%'
                || c == '+'
                || c == '-';
    }

    private static boolean domainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static boolean letters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- payment cards ------------------------------------------------------------------------------------------

    private static Matcher in(Pattern p, String s, int from, int to) {
        return p.matcher(s).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
    }

    static boolean card(String s) {
        return card(CARD.matcher(s));
    }

    private static boolean card(Matcher m) {
        while (m.find()) {
            String d = digitsOf(m.group());
            if (d.length() >= 13 && d.length() <= 19 && network(d) && luhn(d)) {
                return true;
            }
        }
        return false;
    }

    /** Visa, Mastercard (51–55, 2221–2720), American Express, Discover, JCB, Diners, Maestro, UnionPay prefixes. */
    static boolean network(String d) {
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        return d.charAt(0) == '4'
                || two >= 51 && two <= 55
                || four >= 2221 && four <= 2720
                || two == 34
                || two == 37
                || d.startsWith("6011")
                || d.startsWith("65")
                || d.startsWith("62")
                || four >= 3528 && four <= 3589
                || two == 36
                || two == 38
                || (four >= 3000 && four <= 3059)
                || d.startsWith("50")
                || two >= 56 && two <= 58
                || d.startsWith("6304")
                || d.startsWith("67");
    }

    static boolean luhn(String d) {
        int sum = 0;
        boolean dbl = false;
        for (int i = d.length() - 1; i >= 0; i--) {
            int n = d.charAt(i) - '0';
            if (dbl) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    // ---- IBAN ---------------------------------------------------------------------------------------------------

    static boolean iban(String s) {
        return iban(IBAN_PATTERN.matcher(s));
    }

    private static boolean iban(Matcher m) {
        while (m.find()) {
            String country = m.group(1).toUpperCase(Locale.ROOT);
            Integer length = IBAN_LENGTHS.get(country);
            if (length == null) {
                continue;
            }
            String bban = m.group(3).replace(" ", "").toUpperCase(Locale.ROOT);
            // the pattern may run on into the next word: try the country's exact length
            if (bban.length() + 4 < length) {
                continue;
            }
            String iban = country + m.group(2) + bban.substring(0, length - 4);
            if (mod97(iban) == 1) {
                return true;
            }
        }
        return false;
    }

    /** ISO 7064 mod 97-10 of an IBAN (rearranged, letters as 10–35); 1 for a valid one. */
    static int mod97(String iban) {
        String r = iban.substring(4) + iban.substring(0, 4);
        int mod = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c >= '0' && c <= '9') {
                mod = (mod * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                mod = (mod * 100 + (c - 'A' + 10)) % 97;
            } else {
                return -1;
            }
        }
        return mod;
    }

    // ---- national identifiers -----------------------------------------------------------------------------------

    static boolean nationalId(String s) {
        return nationalId(s, 0, s.length());
    }

    private static boolean nationalId(String s, int from, int to) {
        Matcher m = in(SSN, s, from, to);
        while (m.find()) {
            int area = Integer.parseInt(m.group(1));
            if (area != 0 && area != 666 && area < 900 && !"00".equals(m.group(2)) && !"0000".equals(m.group(3))) {
                return true;
            }
        }
        m = in(NINO, s, from, to);
        while (m.find()) {
            String prefix = m.group(1);
            if (!Set.of("BG", "GB", "NK", "KN", "TN", "NT", "ZZ").contains(prefix)) {
                return true;
            }
        }
        m = in(DNI, s, from, to);
        while (m.find()) {
            String prefix = m.group(1);
            String number = m.group(2);
            if (prefix.isEmpty() && number.length() != 8 || !prefix.isEmpty() && number.length() != 7) {
                continue;
            }
            long n = Long.parseLong((prefix.isEmpty() ? "" : String.valueOf("XYZ".indexOf(prefix))) + number);
            if (DNI_LETTERS.charAt((int) (n % 23)) == m.group(3).charAt(0)) {
                return true;
            }
        }
        m = in(BSN, s, from, to);
        while (m.find()) {
            if (elevenTest(m.group(1))) {
                return true;
            }
        }
        return false;
    }

    /** The Dutch BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11. */
    static boolean elevenTest(String d) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (d.charAt(i) - '0');
        }
        sum -= d.charAt(8) - '0';
        return sum % 11 == 0 && sum != 0;
    }

    // ---- phone numbers ------------------------------------------------------------------------------------------

    private static boolean phone(String s, int from, int to, boolean plus) {
        if (plus) {
            Matcher m = in(PHONE_INTERNATIONAL, s, from, to);
            while (m.find()) {
                int n = digitsOf(m.group()).length();
                if (n >= 8 && n <= 15) {
                    return true;
                }
            }
        }
        Matcher m = in(PHONE_NATIONAL, s, from, to);
        while (m.find()) {
            String d = digitsOf(m.group());
            // a date (2026-11-25) or an SSN (123-45-6789) is no phone number
            if (d.length() >= 10 && d.length() <= 11) {
                return true;
            }
        }
        return false;
    }

    private static String digitsOf(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
