package org.reviewcycle.migration;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL of review migrations (MigrationMapper.xml; tables of V14, with review and staff_member). */
@Mapper
interface MigrationMapper {

    /** A running review of the school as the preview names it: whose, and its process instance. */
    record RunningReview(long reviewId, String processInstanceId, String firstName, String lastName) {

        String person() {
            return firstName + " " + lastName;
        }
    }

    /** One migration as the page lists it. */
    record Migration(Long id, long schoolId, int targetVersion, String targetDefinitionId, String chosenStep,
            int reviewCount, int leftCount, String startedBy, java.time.LocalDateTime startedAt) {
    }

    /** One review sent to be moved. */
    record MovedReview(long reviewId, String processInstanceId, int sourceVersion, String firstName, String lastName) {

        String person() {
            return firstName + " " + lastName;
        }
    }

    List<RunningReview> selectRunningReviews(@Param("schoolId") long schoolId);

    void insertMigration(Migration migration);

    long lastMigrationId(@Param("schoolId") long schoolId);

    void insertBatch(@Param("migrationId") long migrationId, @Param("batchId") String batchId,
            @Param("sourceVersion") int sourceVersion);

    void insertReviews(@Param("migrationId") long migrationId, @Param("reviews") List<MovedReview> reviews);

    Migration selectMigration(@Param("schoolId") long schoolId, @Param("migrationId") long migrationId);

    List<Migration> selectMigrations(@Param("schoolId") long schoolId);

    List<String> selectBatchIds(@Param("migrationId") long migrationId);

    List<MovedReview> selectReviews(@Param("migrationId") long migrationId);
}
