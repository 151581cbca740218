package dev.dbtool.runtime;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Parsed and validated queries by their text, least recently used dropped first: clients send the same few queries
 * over and over, and parsing plus validation is most of the CPU a small query costs. Limits still run per request.
 */
public final class DocumentCache implements PreparsedDocumentProvider {
    private final Map<String, PreparsedDocumentEntry> entries;

    public DocumentCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) { return size() > capacity; }
        };
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String key = input.getQuery();
        PreparsedDocumentEntry cached;
        synchronized (entries) {
            cached = entries.get(key);
        }
        if (cached != null) return CompletableFuture.completedFuture(cached);
        PreparsedDocumentEntry fresh = parseAndValidate.apply(input);
        if (!fresh.hasErrors()) {
            synchronized (entries) {
                entries.put(key, fresh);
            }
        }
        return CompletableFuture.completedFuture(fresh);
    }
}
