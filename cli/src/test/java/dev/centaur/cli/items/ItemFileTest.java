package dev.centaur.cli.items;

import dev.centaur.cli.dataset.DatasetItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemFileTest {

    private static final List<String> LABELS = List.of("0", "1");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void csvWithSingleTextsAndAQuotedCommaIsRead() throws IOException {
        ItemFile.Contents contents = ItemFile.read(write("items.csv", "id,text\na,hello\nb,\"one, two\"\n"), null, LABELS);
        assertTrue(contents.valid(), contents.problems().toString());
        assertEquals(List.of(DatasetItem.single("a", "hello"), DatasetItem.single("b", "one, two")), contents.items());
        assertEquals(Map.of(), contents.gold());
    }

    @Test
    void csvWithPairsAndALabelColumnGivesGoldForLabeledRowsOnly() throws IOException {
        ItemFile.Contents contents = ItemFile.read(write("items.csv", "id,text_a,text_b,label\np1,x,y,1\np2,u,v,\n"), null, LABELS);
        assertTrue(contents.valid(), contents.problems().toString());
        assertEquals(List.of(DatasetItem.pair("p1", "x", "y"), DatasetItem.pair("p2", "u", "v")), contents.items());
        assertEquals(Map.of("p1", "1"), contents.gold());
    }

    @Test
    void jsonLinesInTheSharedFormatWithAGoldFileAreRead() throws IOException {
        Path items = write("items.jsonl", "{\"id\": \"a\", \"text_a\": \"x\", \"text_b\": \"y\"}\n\n{\"id\": \"b\", \"text\": \"t\", \"label\": \"0\"}\n");
        Path gold = write("gold.csv", "item_id,label\na,1\nnot-in-file,0\n");
        ItemFile.Contents contents = ItemFile.read(items, gold, LABELS);
        assertTrue(contents.valid(), contents.problems().toString());
        assertEquals(List.of(DatasetItem.pair("a", "x", "y"), DatasetItem.single("b", "t")), contents.items());
        assertEquals(Map.of("a", "1", "b", "0"), contents.gold());
    }

    @Test
    void everyBadJsonLineIsReportedWithItsNumberAndProblem() throws IOException {
        Path items = write("items.jsonl", String.join("\n",
                "{\"id\": \"ok\", \"text\": \"fine\"}",
                "{\"text\": \"no id\"}",
                "{\"id\": \"e\", \"text\": \"  \"}",
                "{\"id\": \"both\", \"text\": \"t\", \"text_a\": \"a\", \"text_b\": \"b\"}",
                "{\"id\": \"u\", \"text\": \"t\", \"label\": \"maybe\"}",
                "{\"id\": broken",
                "{\"id\": \"ok\", \"text\": \"again\"}",
                "{\"id\": \"half\", \"text_a\": \"a\"}"));
        ItemFile.Contents contents = ItemFile.read(items, null, LABELS);
        assertFalse(contents.valid());
        assertEquals(7, contents.problemCount());
        List<String> problems = contents.problems();
        assertEquals("items.jsonl line 2: missing id", problems.get(0));
        assertEquals("items.jsonl line 3: item 'e' has empty text", problems.get(1));
        assertEquals("items.jsonl line 4: item 'both' has both forms: text and text_a/text_b (give one)", problems.get(2));
        assertEquals("items.jsonl line 5: item 'u' has unknown label 'maybe' (project labels [0, 1])", problems.get(3));
        assertTrue(problems.get(4).startsWith("items.jsonl line 6: bad JSON: "), problems.get(4));
        assertEquals("items.jsonl line 7: duplicate id 'ok' (first on line 1)", problems.get(5));
        assertEquals("items.jsonl line 8: item 'half' has empty text (text_a and text_b must both be non-empty)", problems.get(6));
    }

    @Test
    void badCsvRowsAndBadGoldRowsAreReportedWithTheirLines() throws IOException {
        Path items = write("items.csv", "id,text\n,no id\nx,\nx2,a,extra\ny,fine\ny,dup\n");
        Path gold = write("gold.csv", "item_id,label\ny,2\n,1\n");
        ItemFile.Contents contents = ItemFile.read(items, gold, LABELS);
        assertEquals(List.of(
                "items.csv line 2: missing id",
                "items.csv line 3: item 'x' has empty text",
                "items.csv line 4: expected 2 fields [id, text], found 3",
                "items.csv line 6: duplicate id 'y' (first on line 5)",
                "gold.csv line 2: item 'y' has unknown label '2' (project labels [0, 1])",
                "gold.csv line 3: missing id"), contents.problems());
    }

    @Test
    void aCsvHeaderWithoutTextColumnsIsAProblem() throws IOException {
        ItemFile.Contents contents = ItemFile.read(write("items.csv", "id,body\na,b\n"), null, LABELS);
        assertEquals(List.of("items.csv line 1: header [id, body] needs id,text or id,text_a,text_b (and optionally label)"),
                contents.problems());
    }

    @Test
    void problemsBeyondTheLimitAreCountedButNotListed() throws IOException {
        Path items = write("items.jsonl", "{\"text\": \"no id\"}\n".repeat(ItemFile.MAX_REPORTED_PROBLEMS + 7));
        ItemFile.Contents contents = ItemFile.read(items, null, LABELS);
        assertEquals(ItemFile.MAX_REPORTED_PROBLEMS + 7, contents.problemCount());
        assertEquals(ItemFile.MAX_REPORTED_PROBLEMS, contents.problems().size());
    }
}
