package io.newsflow.query.csv;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link CsvTable}, or a list of records (one column per component), as RFC 4180 CSV in
 * UTF-8 with a header line. Text that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
 * is prefixed with an apostrophe: article sources and entity names come from dropped files.
 */
@Provider
@Produces(CsvWriter.MEDIA_TYPE)
public class CsvWriter implements MessageBodyWriter<Object> {

    public static final String MEDIA_TYPE = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type) || recordElements(type, genericType) != null;
    }

    @Override
    public void writeTo(Object answer, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", MEDIA_TYPE + "; charset=utf-8; header=present");
        CsvTable table = answer instanceof CsvTable t ? t : records((List<?>) answer, recordElements(type, genericType));
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(table.csvHeader()));
        table.csvRows().forEach(row -> line(csv, row));
        out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Class<?> recordElements(Class<?> type, Type genericType) {
        if (!List.class.isAssignableFrom(type) || !(genericType instanceof ParameterizedType list)) {
            return null;
        }
        Type element = list.getActualTypeArguments()[0];
        return element instanceof Class<?> c && c.isRecord() ? c : null;
    }

    private static CsvTable records(List<?> items, Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        List<String> header = Arrays.stream(components).map(RecordComponent::getName).toList();
        List<List<Object>> rows = items.stream().map(item -> Arrays.stream(components).map(c -> value(c, item)).toList()).toList();
        return new Table(header, rows);
    }

    private record Table(List<String> csvHeader, List<List<Object>> csvRows) implements CsvTable {
    }

    private static Object value(RecordComponent component, Object item) {
        try {
            return component.getAccessor().invoke(item);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("record accessors are public", e);
        }
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
