package dev.centaur.cli.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, optionally quoted with '"', a quote inside a quoted
 * field doubled, quoted fields may hold commas and line breaks. Line numbers are those of the
 * file, so errors point at the line a person would open.
 */
public final class CsvReader {

    /** One record and the file line it starts on (the header is line 1). */
    public record Row(long line, List<String> fields) {
    }

    private CsvReader() {
    }

    /** All records of the file, header included, blank lines skipped. */
    public static List<Row> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, reader);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "cannot read: " + e.getMessage());
        }
    }

    static List<Row> parse(Path file, Reader reader) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long rowStart = 1;
        boolean inQuotes = false;
        boolean fieldWasQuoted = false;
        boolean rowHasContent = false;
        int c = reader.read();
        if (c == 0xFEFF) { // a UTF-8 byte order mark is not part of the first header name
            c = reader.read();
        }
        while (c != -1) {
            int next = reader.read();
            if (inQuotes) {
                if (c == '"' && next == '"') {
                    field.append('"');
                    next = reader.read();
                } else if (c == '"') {
                    inQuotes = false;
                    if (next != ',' && next != '\n' && next != '\r' && next != -1) {
                        throw new DatasetFormatException(file, line,
                                "unexpected character '" + (char) next + "' after a closing quote");
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new DatasetFormatException(file, line, "a quote inside an unquoted field");
                }
                inQuotes = true;
                fieldWasQuoted = true;
                rowHasContent = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
                rowHasContent = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && next == '\n') {
                    next = reader.read();
                }
                if (rowHasContent || field.length() > 0) {
                    fields.add(field.toString());
                    rows.add(new Row(rowStart, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                fieldWasQuoted = false;
                rowHasContent = false;
                line++;
                rowStart = line;
            } else {
                field.append((char) c);
                rowHasContent = true;
            }
            c = next;
        }
        if (inQuotes) {
            throw new DatasetFormatException(file, rowStart, "a quoted field is never closed");
        }
        if (rowHasContent || field.length() > 0 || fieldWasQuoted) {
            fields.add(field.toString());
            rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        return rows;
    }
}
