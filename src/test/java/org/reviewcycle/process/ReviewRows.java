package org.reviewcycle.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** How many rows each of our tables holds for one review (directly or through its parent row). */
final class ReviewRows {

    private static final Map<String, String> QUERIES = queries();

    private ReviewRows() {
    }

    static Map<String, Long> of(JdbcTemplate jdbc, long reviewId) {
        var rows = new LinkedHashMap<String, Long>();
        QUERIES.forEach((table, sql) -> rows.put(table, jdbc.queryForObject(sql, Long.class, reviewId)));
        return rows;
    }

    private static Map<String, String> queries() {
        var queries = new LinkedHashMap<String, String>();
        for (String table : List.of("review", "self_reflection", "objective", "objective_decision", "objective_response",
                "mid_year_check", "lesson_observation", "final_review", "self_review", "self_review_objective",
                "disagreement_answer")) {
            queries.put(table, "select count(*) from " + table + " where "
                    + ("review".equals(table) ? "id" : "review_id") + " = ?");
        }
        queries.put("mid_year_progress", "select count(*) from mid_year_progress p join mid_year_check c"
                + " on c.id = p.check_id where c.review_id = ?");
        queries.put("observation_focus", "select count(*) from observation_focus f join lesson_observation o"
                + " on o.id = f.observation_id where o.review_id = ?");
        for (String table : List.of("objective_outcome", "reviewee_sign_off", "final_review_decision")) {
            queries.put(table, "select count(*) from " + table + " x join final_review f"
                    + " on f.id = x.final_review_id where f.review_id = ?");
        }
        return queries;
    }
}
