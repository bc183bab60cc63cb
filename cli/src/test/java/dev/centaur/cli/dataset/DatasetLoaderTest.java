package dev.centaur.cli.dataset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetLoaderTest {

    @TempDir
    Path folder;

    @BeforeEach
    void writeValidDataset() throws IOException {
        write("labels.txt", "0\n1\n\n");
        write("items.jsonl", """
                {"id": "p1", "text_a": "Sony TV, 40\\" | 300", "text_b": "Sony 40 inch TV"}
                {"id": "p2", "text_a": "Canon lens", "text_b": "Nikon lens"}

                {"id": "p3", "text_a": "A", "text_b": "B", "extra": 1}
                """);
        write("gold.csv", "item_id,label\np1,1\n\"p2\",0\np3,0\nunknown,1\n");
        write("answers.csv", "item_id,worker_id,label\np1,w1,1\np1,w2,0\np2,w1,0\n\"p3\",\"w,3\",1\n");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }

    @Test
    void loadsPairsGoldAndAnswersByWorker() {
        DatasetLoader loader = new DatasetLoader();
        Dataset dataset = loader.load(folder);
        assertEquals(List.of("0", "1"), dataset.labels());
        assertEquals(List.of("p1", "p2", "p3"), dataset.items().stream().map(DatasetItem::id).toList());
        assertEquals("Sony TV, 40\" | 300", dataset.items().get(0).textA());
        assertTrue(dataset.items().get(0).isPair());
        assertEquals(Map.of("p1", "1", "p2", "0", "p3", "0"), dataset.gold());
        assertEquals(Map.of("p1", "1", "p2", "0"), dataset.answersByWorker().get("w1"));
        assertEquals(Map.of("p3", "1"), dataset.answersByWorker().get("w,3"));
        assertEquals(Map.of("p1", 2, "p2", 1, "p3", 1), dataset.answerCountByItem());
        assertEquals(1, loader.skipped().goldRows());
    }

    @Test
    void singleTextItemsAndMissingAnswersFileAreFine() throws IOException {
        write("items.jsonl", "{\"id\": \"s1\", \"text\": \"hello\"}\n{\"id\": 2, \"text\": \"numeric id\"}\n");
        write("gold.csv", "item_id,label\ns1,0\n2,1\n");
        Files.delete(folder.resolve("answers.csv"));
        Dataset dataset = new DatasetLoader().load(folder);
        assertFalse(dataset.items().get(0).isPair());
        assertEquals("2", dataset.items().get(1).id());
        assertFalse(dataset.hasRecordedAnswers());
    }

    @Test
    void invalidJsonLineIsReportedWithFileAndLine() throws IOException {
        write("items.jsonl", "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"no end\"\n");
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> new DatasetLoader().load(folder));
        assertTrue(error.getMessage().contains("items.jsonl line 2: not valid JSON"), error.getMessage());
    }

    @Test
    void itemWithoutTextIsReportedWithItsId() throws IOException {
        write("items.jsonl", "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text_a\": \"only one side\"}\n");
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> new DatasetLoader().load(folder));
        assertTrue(error.getMessage().contains("items.jsonl line 2: item 'b'"), error.getMessage());
    }

    @Test
    void duplicateItemIdIsRefused() throws IOException {
        write("items.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n");
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> new DatasetLoader().load(folder));
        assertTrue(error.getMessage().contains("items.jsonl line 2: item id 'a' appears twice"), error.getMessage());
    }

    @Test
    void answerWithUnknownLabelNamesFileLineAndLabel() throws IOException {
        write("answers.csv", "item_id,worker_id,label\np1,w1,1\np2,w1,yes\n");
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> new DatasetLoader().load(folder));
        assertTrue(error.getMessage().contains("answers.csv line 3: label 'yes' is not in labels.txt"), error.getMessage());
    }

    @Test
    void shortCsvRowNamesFileAndLine() throws IOException {
        write("answers.csv", "item_id,worker_id,label\np1,w1,1\np2,w1\n");
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> new DatasetLoader().load(folder));
        assertTrue(error.getMessage().contains("answers.csv line 3: expected at least 3 fields, found 2"), error.getMessage());
    }

    @Test
    void missingHeaderColumnIsReported() throws IOException {
        write("gold.csv", "id,label\np1,1\n");
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> new DatasetLoader().load(folder));
        assertTrue(error.getMessage().contains("gold.csv line 1") && error.getMessage().contains("'item_id'"), error.getMessage());
    }

    @Test
    void missingItemsFileIsReported() throws IOException {
        Files.delete(folder.resolve("items.jsonl"));
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> new DatasetLoader().load(folder));
        assertTrue(error.getMessage().contains("items.jsonl: missing"), error.getMessage());
    }

    @Test
    void sampleKeepsOnlyTheChosenItemsGoldAndAnswers() {
        Dataset sample = new DatasetLoader().load(folder).sample(2, 7);
        assertEquals(2, sample.items().size());
        List<String> kept = sample.items().stream().map(DatasetItem::id).toList();
        assertTrue(kept.containsAll(sample.gold().keySet()) && sample.gold().size() == 2);
        sample.answersByWorker().values().forEach(answers -> assertTrue(kept.containsAll(answers.keySet())));
        assertEquals(kept, new DatasetLoader().load(folder).sample(2, 7).items().stream().map(DatasetItem::id).toList());
    }
}
