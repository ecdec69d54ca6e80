package cn.carbonmarket.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct reads of a service's own database, for tests that must prove that nothing was written. Tests only:
 * in production no one reads another service's database.
 */
public final class Database {

    private final String url;
    private final String user;

    public Database(String service) {
        this(service, service + "_test");
    }

    private Database(String service, String database) {
        this.url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        this.user = service;
    }

    /** The database of the service as the e2e suite runs it ({@code ./market test}: {@code <service>_e2e}). */
    public static Database e2e(String service) {
        return new Database(service, service + "_e2e");
    }

    /** A connection of the test's own, for one that must hold something across statements (a lock, say). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, user);
    }

    public long count(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, user, user);
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + url + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row the query returns, as text. */
    public List<String> texts(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, user, user);
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> texts = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
            return texts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + url + ": " + e.getMessage(), e);
        }
    }

    /** The whole row of a party-keyed table as text, to compare before and after. */
    public String rowAsText(String table, String partyId) {
        try (Connection c = DriverManager.getConnection(url, user, user);
             PreparedStatement statement = c.prepareStatement(
                     "select t::text from " + table + " t where party_id = ?::uuid")) {
            statement.setObject(1, partyId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + url + ": " + e.getMessage(), e);
        }
    }

    public int update(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, user, user);
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update " + url + ": " + e.getMessage(), e);
        }
    }
}
