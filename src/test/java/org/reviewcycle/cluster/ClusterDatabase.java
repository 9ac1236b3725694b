package org.reviewcycle.cluster;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The MariaDB/MySQL database the cluster shares: the one {@code .ci/run} provides through
 * {@code -Dreviewcycle.test.mysql.*} (locally the defaults in pom.xml). No fallback: without a
 * server the cluster test fails.
 */
public record ClusterDatabase(String url, String user, String password) {

    public static ClusterDatabase fromTestProperties() {
        String url = System.getProperty("reviewcycle.test.mysql.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("The cluster test needs -Dreviewcycle.test.mysql.url (see the README, Test)");
        }
        return new ClusterDatabase(url, System.getProperty("reviewcycle.test.mysql.user", "root"),
                System.getProperty("reviewcycle.test.mysql.password", ""));
    }

    public DataSource dataSource() {
        var dataSource = new DriverManagerDataSource(url, user, password);
        dataSource.setDriverClassName("com.mysql.cj.jdbc.Driver");
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource());
    }
}
