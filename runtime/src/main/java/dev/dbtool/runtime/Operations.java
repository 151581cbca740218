package dev.dbtool.runtime;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.List;

/**
 * Which operation of a document a request runs, chosen exactly as the GraphQL spec says (and graphql-java executes):
 * with a name, the operation of that name; without one (an empty name is no name), the document's only operation.
 */
public final class Operations {
    private Operations() {}

    /** An empty operation name is no name: {@code operationName=} must not select differently from no parameter. */
    public static String normalizedName(String operationName) {
        return operationName == null || operationName.isEmpty() ? null : operationName;
    }

    /**
     * Whether the request's operation is a mutation marked {@code @transaction}: all its fields in one transaction.
     * Costs a substring scan unless the text names the directive.
     */
    public static boolean atomic(String query, String operationName, ParserOptions options) {
        if (query == null || !query.contains("@transaction")) return false;
        try {
            Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
            OperationDefinition op = selected(document, operationName);
            return op != null && op.getOperation() == OperationDefinition.Operation.MUTATION && !op.getDirectives("transaction").isEmpty();
        } catch (InvalidSyntaxException e) {
            return false; // execution reports it
        }
    }

    /** The operation the request runs, or null when there is none to run (execution then reports why). */
    public static OperationDefinition selected(Document document, String operationName) {
        String name = normalizedName(operationName);
        List<OperationDefinition> ops = document.getDefinitionsOfType(OperationDefinition.class);
        if (name == null) return ops.size() == 1 ? ops.get(0) : null;
        for (OperationDefinition op : ops) if (name.equals(op.getName())) return op;
        return null;
    }

    /**
     * True when the operation the request would run is a subscription (which needs the WebSocket). Costs a substring
     * scan unless the text names the keyword.
     */
    public static boolean isSubscription(String query, String operationName, ParserOptions options) {
        if (query == null || !query.contains("subscription")) return false;
        Document document = parsed(query, options);
        OperationDefinition op = document == null ? null : selected(document, operationName);
        return op != null && op.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
    }

    /**
     * True when the operation the request would run is a mutation (or a subscription): only POST may run those. A
     * document that does not parse is not a mutation; its execution reports the syntax error.
     */
    public static boolean isMutation(String query, String operationName, ParserOptions options) {
        Document document = parsed(query, options);
        if (document == null) return false;
        OperationDefinition op = selected(document, operationName);
        if (op != null) return op.getOperation() != OperationDefinition.Operation.QUERY;
        // no operation is selected, so nothing will run; refuse GET anyway when any operation could write
        return document.getDefinitionsOfType(OperationDefinition.class).stream().anyMatch(o -> o.getOperation() != OperationDefinition.Operation.QUERY);
    }

    /** The document, or null when it does not parse (its execution reports the syntax error). */
    private static Document parsed(String query, ParserOptions options) {
        try {
            return Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }
}
