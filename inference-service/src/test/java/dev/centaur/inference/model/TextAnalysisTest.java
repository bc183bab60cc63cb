package dev.centaur.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    @Test
    void wordsAreLowerCasedRunsOfLettersAndDigits() {
        assertEquals(List.of("hello", "world", "ts4gusdhc6", "isn", "t"), TextAnalysis.words("Hello, World! TS4GUSDHC6 isn't"));
    }

    @Test
    void bigramsJoinNeighbours() {
        assertEquals(List.of("a b", "b c"), TextAnalysis.bigrams(List.of("a", "b", "c")));
    }

    @Test
    void charNgramsIncludeWordBoundaries() {
        assertEquals(Set.of("<ab", "ab>"), TextAnalysis.charNgrams(List.of("ab"), 3));
    }

    @Test
    void codesMixLettersAndDigitsWithPunctuationRemovedAndPricesLeftOut() {
        Set<String> codes = TextAnalysis.codes("Transcend 4GB Micro SD - TS4GUSDHC6/ 30' VMPL50-B | $14.95");
        assertEquals(Set.of("4gb", "ts4gusdhc6", "vmpl50b"), codes);
    }

    @Test
    void numbersArePureDigitWords() {
        assertEquals(Set.of("30", "2008"), TextAnalysis.numbers(List.of("30", "tv", "2008", "4gb")));
    }

    @Test
    void pricesAreDollarAmounts() {
        assertEquals(List.of(1299.0, 14.95), TextAnalysis.prices("Camera | $1,299.00 was $ 14.95"));
    }

    @Test
    void headIsTheFirstField() {
        assertEquals("Sony TV", TextAnalysis.head("Sony TV | big screen | $10"));
        assertEquals("plain text", TextAnalysis.head("plain text"));
    }

    @Test
    void negationsAreCounted() {
        assertEquals(2, TextAnalysis.negationCount(TextAnalysis.words("It is not true, it isn't")));
    }
}
