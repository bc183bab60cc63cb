package dev.centaur.inference.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure text helpers shared by the featurizer: words, n-grams, codes, numbers and prices. */
public final class TextAnalysis {

    /** Records in the product data sets join their fields (name | description | price) with this. */
    private static final String FIELD_SEPARATOR = " | ";
    private static final Pattern PRICE = Pattern.compile("\\$\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)");
    private static final Set<String> NEGATIONS =
            Set.of("not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "t");

    private TextAnalysis() {
    }

    /** Lower-cased maximal runs of letters and digits, in text order. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean wordChar = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Adjacent word pairs joined by a space. */
    public static List<String> bigrams(List<String> words) {
        List<String> bigrams = new ArrayList<>(Math.max(0, words.size() - 1));
        for (int i = 1; i < words.size(); i++) {
            bigrams.add(words.get(i - 1) + ' ' + words.get(i));
        }
        return bigrams;
    }

    /**
     * Character n-grams of every word padded with boundary marks ({@code <word>}), so short words
     * and word starts and ends get their own grams, as in fastText.
     */
    public static Set<String> charNgrams(List<String> words, int n) {
        Set<String> grams = new LinkedHashSet<>();
        for (String word : words) {
            String padded = '<' + word + '>';
            for (int i = 0; i + n <= padded.length(); i++) {
                grams.add(padded.substring(i, i + n));
            }
        }
        return grams;
    }

    /**
     * Model numbers and other codes: whitespace-separated chunks that mix letters and digits
     * (TS4GUSDHC6, VMPL50-B, 4GB), lower-cased with punctuation removed so "KDL-40V5100" and
     * "KDL40V5100" are the same code. Prices are not codes.
     */
    public static Set<String> codes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        for (String chunk : text.split("\\s+")) {
            if (chunk.startsWith("$")) {
                continue;
            }
            String squashed = squash(chunk);
            if (squashed.length() >= 3 && hasDigit(squashed) && hasLetter(squashed)) {
                codes.add(squashed);
            }
        }
        return codes;
    }

    /** Words made only of digits (years, sizes, counts). */
    public static Set<String> numbers(List<String> words) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String word : words) {
            if (!word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
                numbers.add(word);
            }
        }
        return numbers;
    }

    /** Dollar amounts such as "$1,299.00", in text order. */
    public static List<Double> prices(String text) {
        List<Double> prices = new ArrayList<>();
        Matcher matcher = PRICE.matcher(text);
        while (matcher.find()) {
            prices.add(Double.parseDouble(matcher.group(1).replace(",", "")));
        }
        return prices;
    }

    /** The first field of a record (its name, for products); the whole text when it has one field. */
    public static String head(String text) {
        int separator = text.indexOf(FIELD_SEPARATOR);
        return separator < 0 ? text : text.substring(0, separator);
    }

    /** How many words are negations ("not", "never", the "t" of "isn't"). */
    public static int negationCount(List<String> words) {
        int count = 0;
        for (String word : words) {
            if (NEGATIONS.contains(word)) {
                count++;
            }
        }
        return count;
    }

    /** The text lower-cased with everything but letters and digits removed. */
    public static String squash(String text) {
        StringBuilder squashed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                squashed.append(Character.toLowerCase(c));
            }
        }
        return squashed.toString();
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    private static boolean hasLetter(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }
}
