package dev.centaur.cli.dataset;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    private static final Path FILE = Path.of("answers.csv");

    private static List<CsvReader.Row> parse(String text) throws IOException {
        return CsvReader.parse(FILE, new StringReader(text));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        List<CsvReader.Row> rows = parse("item_id,label\n\"a,b\",x\n\"say \"\"hi\"\"\",y\n\"two\nlines\",z\n");
        assertEquals(List.of("a,b", "x"), rows.get(1).fields());
        assertEquals(List.of("say \"hi\"", "y"), rows.get(2).fields());
        assertEquals(List.of("two\nlines", "z"), rows.get(3).fields());
    }

    @Test
    void rowsCarryTheFileLineTheyStartOn() throws IOException {
        List<CsvReader.Row> rows = parse("h1,h2\r\n\r\n\"multi\nline\",1\nlast,2");
        assertEquals(List.of(1L, 3L, 5L), rows.stream().map(CsvReader.Row::line).toList());
        assertEquals(List.of("last", "2"), rows.get(2).fields());
    }

    @Test
    void emptyTrailingFieldIsKept() throws IOException {
        assertEquals(List.of("a", ""), parse("a,\n").get(0).fields());
    }

    @Test
    void unclosedQuoteIsReportedWithItsLine() {
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> parse("h\nok\n\"never closed\n"));
        assertTrue(error.getMessage().contains("answers.csv line 3"), error.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        DatasetFormatException error = assertThrows(DatasetFormatException.class, () -> parse("h,x\n\"a\"b,1\n"));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }
}
