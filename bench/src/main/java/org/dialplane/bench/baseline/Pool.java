package org.dialplane.bench.baseline;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.mariadb.jdbc.MariaDbDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The pool as core builds it (PooledDatabase): Hikari over the driver's DataSource, same sizes. */
final class Pool {
    private static final int SIZE = 10;
    private static final int MIN_IDLE = 2;

    private Pool() {
    }

    static DataSource open(String url, String user, String password) throws SQLException {
        MariaDbDataSource driver = new MariaDbDataSource(url);
        if (!user.isBlank()) {
            driver.setUser(user);
            driver.setPassword(password);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(driver);
        config.setPoolName("baseline-pbx");
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(MIN_IDLE);
        return new HikariDataSource(config);
    }
}
