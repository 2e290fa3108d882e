package org.netweave.manager.auth;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jdbi.v3.core.Handle;

/** The api_token table, inside the caller's read or write. */
final class TokenStore {
    private static final String COLUMNS = "id, name, role, secret_sha256, created_at";

    private TokenStore() {
    }

    /** A stored token: everything but its secret, which only its hash stands for. */
    record Row(String id, String name, ApiRole role, String secretSha256, Instant createdAt) {
    }

    static void insert(Handle handle, long generation, Row row) {
        handle.createUpdate("INSERT INTO api_token (" + COLUMNS + ", generation)"
                        + " VALUES (:id, :name, :role, :hash, :created, :generation)")
                .bind("id", row.id()).bind("name", row.name()).bind("role", row.role().apiName())
                .bind("hash", row.secretSha256()).bind("created", OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC))
                .bind("generation", generation).execute();
    }

    static boolean delete(Handle handle, String id) {
        return handle.createUpdate("DELETE FROM api_token WHERE id = :id").bind("id", id).execute() > 0;
    }

    static boolean nameTaken(Handle handle, String name) {
        return handle.createQuery("SELECT COUNT(*) FROM api_token WHERE name = :name").bind("name", name)
                .mapTo(Integer.class).one() > 0;
    }

    static List<Row> all(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at, id")
                .map((rs, ctx) -> new Row(rs.getString("id"), rs.getString("name"),
                        ApiRole.parse("role", rs.getString("role")), rs.getString("secret_sha256"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
