-- Bearer tokens for /api/v1 and /v2.0, each with one of the NSX roles. Only the SHA-256 of a
-- token's secret is kept: the secret is shown once, when the token is made, and a stolen database
-- does not hand out access. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL.

CREATE TABLE api_token (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(255) NOT NULL UNIQUE,
  role VARCHAR(32) NOT NULL,
  secret_sha256 VARCHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  generation BIGINT NOT NULL
);
