package dev.centaur.inference.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverlapFeaturesTest {

    private static float value(OverlapFeatures.Overlap overlap, String name) {
        return overlap.dense()[Arrays.asList(OverlapFeatures.NAMES).indexOf(name)];
    }

    private static OverlapFeatures.Overlap overlap(String a, String b) {
        return OverlapFeatures.of(TextSide.of(a, 3), TextSide.of(b, 3));
    }

    @Test
    void jaccardAndShareMatchHandComputedValues() {
        assertEquals(1.0 / 3, OverlapFeatures.jaccard(Set.of("a", "b"), Set.of("b", "c")), 1e-12);
        assertEquals(0.5, OverlapFeatures.shareFoundIn(Set.of("a", "b"), Set.of("b", "c")), 1e-12);
        assertEquals(0.0, OverlapFeatures.jaccard(Set.of(), Set.of()));
        assertEquals(0.0, OverlapFeatures.shareFoundIn(Set.of(), Set.of("x")));
    }

    @Test
    void closenessAndLengthRatioAreMinOverMax() {
        assertEquals(0.8, OverlapFeatures.closeness(80, 100), 1e-12);
        assertEquals(1.0, OverlapFeatures.closeness(0, 0));
        assertEquals(0.25, OverlapFeatures.lengthRatio(2, 8), 1e-12);
        assertEquals(1.0, OverlapFeatures.lengthRatio(0, 0));
    }

    @Test
    void codeFoundInsideTheOtherSidesTextCounts() {
        assertEquals(1.0, OverlapFeatures.codeShareFoundIn(Set.of("kdl40v5100"), Set.of(), "sonykdl40v5100tv"), 1e-12);
        assertEquals(0.5, OverlapFeatures.codeShareFoundIn(Set.of("ab12", "cd34"), Set.of("ab12"), ""), 1e-12);
    }

    @Test
    void sameProductRecordsAgreeOnCodesAndWords() {
        OverlapFeatures.Overlap same = overlap("Transcend 4GB microSD - TS4GUSDHC6 | $14.95",
                "Transcend 4GB microSD card TS4GUSDHC6 | $14.95");
        assertEquals(OverlapFeatures.CodeAgreement.ALL_SHARED, same.codeAgreement());
        assertEquals(1f, value(same, "is_pair"));
        assertEquals(1f, value(same, "all_codes_match"));
        assertEquals(1f, value(same, "long_code_shared"));
        assertEquals(1f, value(same, "price_closeness"));
        assertEquals(1f, value(same, "both_have_prices"));
        // A has {transcend, 4gb, microsd, ts4gusdhc6, 14, 95}, B the same plus "card": 6 / 7.
        assertEquals(6f / 7, value(same, "word_jaccard"), 1e-6);
        assertEquals(1f, value(same, "a_words_in_b"));
    }

    @Test
    void differentModelNumbersShowEvenWhenTheNamesOverlap() {
        OverlapFeatures.Overlap different = overlap("Transcend 4GB microSD - TS4GUSDHC6", "Transcend 8GB microSD - TS8GUSDHC6");
        assertEquals(OverlapFeatures.CodeAgreement.NONE_SHARED, different.codeAgreement());
        assertEquals(0f, value(different, "all_codes_match"));
        assertEquals(0f, value(different, "a_codes_in_b"));
        assertEquals(0f, value(different, "both_have_prices"));
    }

    @Test
    void negationOnOneSideOnlyIsFlagged() {
        assertEquals(1f, value(overlap("Infertile women can have children.", "Infertile women are not able to."),
                "negation_mismatch"));
        assertEquals(0f, value(overlap("It is not red.", "It is not blue."), "negation_mismatch"));
    }

    @Test
    void everyNamedFeatureHasAValueInTheUnitInterval() {
        OverlapFeatures.Overlap o = overlap("a b c 12 $3", "c d 12 $4 x9y");
        assertEquals(OverlapFeatures.SIZE, o.dense().length);
        for (float v : o.dense()) {
            assertEquals(true, v >= 0 && v <= 1, Arrays.toString(o.dense()) + " " + List.of(OverlapFeatures.NAMES));
        }
    }
}
