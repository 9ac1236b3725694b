package org.reviewcycle.support;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.reviewcycle.staff.StaffCategory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Schools of a generated multi-academy trust, written straight into our tables with JDBC batches,
 * for the benchmark and the cluster test: thousands of staff in seconds, where the services would
 * hash every password (a tenth of a second each). Each school has a head, team leaders who review
 * about ten staff each and lead them as a team, two improvement priorities and a cycle, planned.
 * School codes are the trust's prefix and a number ({@code s0001}); usernames follow them
 * ({@code s0001.head}, {@code s0001.lead01}, {@code s0001.staff001}). Every password is {@value #PASSWORD}.
 */
public final class GeneratedTrust {

    public static final String PASSWORD = "demo";
    public static final String ACADEMIC_YEAR = "2026/27";
    private static final String ACTOR = "generator";
    private static final String AUDIT_COLUMNS = "created_by, created_at, updated_by, updated_at";
    private static final String AUDIT_VALUES = "'" + ACTOR + "', current_timestamp, '" + ACTOR + "', current_timestamp";
    private static final int REVIEWEES_PER_LEADER = 10;
    /** About six in ten are teachers, as in a primary school. */
    private static final StaffCategory[] CATEGORIES = {StaffCategory.TEACHER_MPG, StaffCategory.TEACHING_ASSISTANT,
            StaffCategory.TEACHER_UPS1, StaffCategory.TEACHER_UPS2, StaffCategory.HLTA, StaffCategory.TEACHER_MPG,
            StaffCategory.EARLY_YEARS_TEACHER, StaffCategory.LEARNING_MENTOR, StaffCategory.TEACHER_UPS3,
            StaffCategory.ADMINISTRATOR};

    /** One school as generated: what the benchmark and the tests refer to. */
    public record School(long id, String code, long cycleId, String head, List<String> leaders,
            Map<String, List<String>> revieweesByLeader) {
    }

    /** The milestones of a cycle. */
    public record Milestones(LocalDate objectivesAgreedBy, LocalDate midYearCheckFrom, LocalDate finalReviewFrom,
            LocalDate finalReviewDue) {

        /** The demo school's 2026/27 dates: the mid-year and final review timers lie ahead. */
        public static Milestones of2026() {
            return new Milestones(LocalDate.of(2026, 10, 31), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 14),
                    LocalDate.of(2027, 7, 16));
        }
    }

    private final DataSource dataSource;
    private final String codePrefix;
    // as the application stores passwords: bcrypt, with its {bcrypt} prefix
    private final String passwordHash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(PASSWORD);

    /** {@code codePrefix} starts every school code: tests sharing a database give each trust its own. */
    public GeneratedTrust(DataSource dataSource, String codePrefix) {
        this.dataSource = dataSource;
        this.codePrefix = codePrefix;
    }

    /** School number {@code number} (from 1) with {@code staffCount} staff, its cycle planned. */
    public School addSchool(int number, int staffCount, Milestones milestones) {
        if (staffCount < 2) {
            throw new IllegalArgumentException("A generated school needs a head and at least one more member of staff");
        }
        String code = codePrefix + "%04d".formatted(number);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long schoolId = insertSchool(connection, code);
            String head = code + ".head";
            long headId = insertStaff(connection, schoolId, List.of(new Person(head, "Head", "Of " + code,
                    StaffCategory.HEADTEACHER, null))).get(head);

            int leaderCount = Math.max(1, (int) Math.round((staffCount - 1) / (double) (REVIEWEES_PER_LEADER + 1)));
            var leaders = new ArrayList<Person>();
            for (int i = 1; i <= leaderCount; i++) {
                leaders.add(new Person("%s.lead%02d".formatted(code, i), "Leader" + i, "Of " + code,
                        i == 1 ? StaffCategory.DEPUTY_HEAD : StaffCategory.TEACHER_TLR, headId));
            }
            Map<String, Long> leaderIds = insertStaff(connection, schoolId, leaders);

            var others = new ArrayList<Person>();
            var revieweesByLeader = new HashMap<String, List<String>>();
            for (int i = 1; i <= staffCount - 1 - leaderCount; i++) {
                Person leader = leaders.get((i - 1) % leaderCount);
                String username = "%s.staff%03d".formatted(code, i);
                others.add(new Person(username, "Member" + i, "Of " + code, CATEGORIES[(i - 1) % CATEGORIES.length],
                        leaderIds.get(leader.username())));
                revieweesByLeader.computeIfAbsent(leader.username(), l -> new ArrayList<>()).add(username);
            }
            Map<String, Long> otherIds = insertStaff(connection, schoolId, others);
            insertTeams(connection, schoolId, leaders, leaderIds, revieweesByLeader, otherIds);
            insertPriorities(connection, schoolId);
            long cycleId = insertCycle(connection, schoolId, milestones);
            connection.commit();
            return new School(schoolId, code, cycleId, head, leaders.stream().map(Person::username).toList(),
                    revieweesByLeader);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot generate school " + code, e);
        }
    }

    /** Makes {@code username} one of ReviewCycle's administrators (Cockpit, Admin, launching cycles). */
    public void makeAdministrator(String username) {
        try (Connection connection = dataSource.getConnection();
                var update = connection.prepareStatement("update staff_member set administrator = true where username = ?")) {
            update.setString(1, username);
            if (update.executeUpdate() != 1) {
                throw new IllegalArgumentException("No member of staff " + username);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot make " + username + " an administrator", e);
        }
    }

    private record Person(String username, String firstName, String lastName, StaffCategory category, Long reviewerId) {
    }

    private static long insertSchool(Connection connection, String code) throws SQLException {
        try (var insert = connection.prepareStatement("insert into school (code, name, " + AUDIT_COLUMNS
                + ") values (?, ?, " + AUDIT_VALUES + ")")) {
            insert.setString(1, code);
            insert.setString(2, "Generated Primary " + code);
            insert.executeUpdate();
        }
        return id(connection, "select id from school where code = ?", code);
    }

    private Map<String, Long> insertStaff(Connection connection, long schoolId, List<Person> people) throws SQLException {
        try (var insert = connection.prepareStatement("insert into staff_member (school_id, username, password_hash, "
                + "first_name, last_name, email, job_title, category, active, administrator, reviewer_id, "
                + AUDIT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, true, false, ?, " + AUDIT_VALUES + ")")) {
            for (Person person : people) {
                insert.setLong(1, schoolId);
                insert.setString(2, person.username());
                insert.setString(3, passwordHash);
                insert.setString(4, person.firstName());
                insert.setString(5, person.lastName());
                insert.setString(6, person.username() + "@trust.example.org");
                insert.setString(7, person.category().label());
                insert.setString(8, person.category().name());
                if (person.reviewerId() == null) {
                    insert.setNull(9, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(9, person.reviewerId());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        var ids = new HashMap<String, Long>();
        try (var select = connection.prepareStatement("select id, username from staff_member where school_id = ?")) {
            select.setLong(1, schoolId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(2), rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void insertTeams(Connection connection, long schoolId, List<Person> leaders,
            Map<String, Long> leaderIds, Map<String, List<String>> revieweesByLeader, Map<String, Long> staffIds)
            throws SQLException {
        try (var team = connection.prepareStatement("insert into team (school_id, code, name, leader_id, "
                + AUDIT_COLUMNS + ") values (?, ?, ?, ?, " + AUDIT_VALUES + ")")) {
            for (int i = 0; i < leaders.size(); i++) {
                team.setLong(1, schoolId);
                team.setString(2, "team%02d".formatted(i + 1));
                team.setString(3, "Team " + (i + 1));
                team.setLong(4, leaderIds.get(leaders.get(i).username()));
                team.addBatch();
            }
            team.executeBatch();
        }
        try (var member = connection.prepareStatement("insert into team_member (team_id, staff_id, " + AUDIT_COLUMNS
                + ") select t.id, ?, " + AUDIT_VALUES + " from team t where t.school_id = ? and t.leader_id = ?")) {
            for (Person leader : leaders) {
                long leaderId = leaderIds.get(leader.username());
                List<Long> members = new ArrayList<>();
                members.add(leaderId);
                revieweesByLeader.getOrDefault(leader.username(), List.of()).forEach(u -> members.add(staffIds.get(u)));
                for (long memberId : members) {
                    member.setLong(1, memberId);
                    member.setLong(2, schoolId);
                    member.setLong(3, leaderId);
                    member.addBatch();
                }
            }
            member.executeBatch();
        }
    }

    private static void insertPriorities(Connection connection, long schoolId) throws SQLException {
        try (var insert = connection.prepareStatement("insert into school_priority (school_id, code, title, "
                + "whole_school_target, " + AUDIT_COLUMNS + ") values (?, ?, ?, ?, " + AUDIT_VALUES + ")")) {
            for (String[] priority : new String[][] {
                    {"W1", "Raise standards and progress in writing",
                            "All pupils make at least expected progress in writing by July"},
                    {"M1", "Improve reasoning in mathematics",
                            "Most pupils explain their reasoning in every maths lesson"}}) {
                insert.setLong(1, schoolId);
                insert.setString(2, priority[0]);
                insert.setString(3, priority[1]);
                insert.setString(4, priority[2]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long insertCycle(Connection connection, long schoolId, Milestones milestones) throws SQLException {
        try (var insert = connection.prepareStatement("insert into review_cycle (school_id, academic_year, "
                + "objectives_agreed_by, mid_year_check_from, final_review_from, final_review_due, state, "
                + AUDIT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, 'PLANNED', " + AUDIT_VALUES + ")")) {
            insert.setLong(1, schoolId);
            insert.setString(2, ACADEMIC_YEAR);
            insert.setDate(3, Date.valueOf(milestones.objectivesAgreedBy()));
            insert.setDate(4, Date.valueOf(milestones.midYearCheckFrom()));
            insert.setDate(5, Date.valueOf(milestones.finalReviewFrom()));
            insert.setDate(6, Date.valueOf(milestones.finalReviewDue()));
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "select id from review_cycle where school_id = ? and academic_year = ?")) {
            select.setLong(1, schoolId);
            select.setString(2, ACADEMIC_YEAR);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long id(Connection connection, String sql, String key) throws SQLException {
        try (var select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
