package dev.dbtool.examples.blog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a whole root list through its cursors, forward from the start or backward from the end, as a client pages. */
final class PageWalk {
    /** Every row's id in list order, and the last page's totalCount. */
    record Result(List<String> ids, int totalCount) {}

    private PageWalk() {}

    /** {@code list(first: size, after: …, args)} page by page (or {@code last}/{@code before} when {@code backward}). */
    static Result walk(GraphQLClient client, String token, String list, String args, int size, boolean backward) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int total = -1;
        for (int page = 0; page < 1000; page++) {
            Map<String, Object> vars = new HashMap<>();
            if (cursor != null) vars.put("c", cursor);
            String paging = backward ? "last: " + size + ", before: $c" : "first: " + size + ", after: $c";
            GraphQLClient.Response r = client.post(token, "query($c: String) { l: " + list + "(" + paging + ", " + args + ") { totalCount edges { node { id } } "
                    + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", vars);
            assertEquals(0, r.errors().size(), r.body().toString());
            JsonNode l = r.data().path("l");
            total = l.path("totalCount").asInt();
            List<String> chunk = new ArrayList<>();
            for (JsonNode e : l.path("edges")) chunk.add(e.path("node").path("id").asText());
            if (backward) Collections.reverse(chunk);
            ids.addAll(chunk);
            if (!l.path("pageInfo").path(backward ? "hasPreviousPage" : "hasNextPage").asBoolean()) break;
            cursor = l.path("pageInfo").path(backward ? "startCursor" : "endCursor").asText();
        }
        if (backward) Collections.reverse(ids);
        return new Result(ids, total);
    }
}
