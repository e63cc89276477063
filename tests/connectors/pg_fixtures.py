"""PostgreSQL test fixtures: a throw-away database, a SELECT-only scan role, a test CRM.

Reusable by other test folders (DSAR): import the fixtures into a test module, e.g.
``from tests.connectors.pg_fixtures import pg_database, crm_dsn  # noqa: F401``.

All data is synthetic: Faker('fr_FR') with a fixed seed, e-mails on example.com,
phones in ARCEP fiction ranges, NIRs built at run time with python-stdnum's check digits.
"""

from __future__ import annotations

import os
import random
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from faker import Faker
from psycopg import sql
from stdnum.fr import nir

ADMIN_DSN = os.environ.get(
    "FOUILLE_TEST_PG", "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
)
FICTION_PREFIXES = ("01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49")


@dataclass(frozen=True)
class PgDatabase:
    """A test database: admin DSN into it, and the SELECT-only scan role's DSN."""

    name: str
    dsn: str
    scan_role: str
    scan_dsn: str


def require_postgres() -> None:
    """Skip without a server, but fail in CI: a CI run must not pass by skipping."""
    try:
        psycopg.connect(ADMIN_DSN, connect_timeout=3).close()
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL not reachable at {ADMIN_DSN}: {type(exc).__name__}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def dsn_for(dbname: str, user: str = "postgres") -> str:
    params = psycopg.conninfo.conninfo_to_dict(ADMIN_DSN)
    params.update(dbname=dbname, user=user)
    return psycopg.conninfo.make_conninfo(**params)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[PgDatabase]:
    """A fresh database with a random name and a login role with no privileges yet."""
    require_postgres()
    suffix = uuid.uuid4().hex[:10]
    name, role = f"fouille_test_{suffix}", f"fouille_scan_{suffix}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(role)))
        admin.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(
                sql.Identifier(name), sql.Identifier(role)
            )
        )
    try:
        yield PgDatabase(name, dsn_for(name), role, dsn_for(name, role))
    finally:
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


# -- the test CRM ------------------------------------------------------------------------------

CRM_DDL = """
CREATE TABLE customers (
    id serial PRIMARY KEY,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email text UNIQUE NOT NULL,
    phone text,
    birth_date date,
    num_secu text,
    city text,
    status text NOT NULL,
    loyalty_points integer NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE orders (
    id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers(id),
    reference text NOT NULL,
    amount numeric(10, 2) NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE support_tickets (
    id serial PRIMARY KEY,
    customer_id integer REFERENCES customers(id),
    subject text NOT NULL,
    body text NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE newsletter (
    email text PRIMARY KEY,
    consent boolean NOT NULL,
    subscribed_at timestamptz NOT NULL
);
"""

CRM_PII_COLUMNS = {
    "public.customers": {
        "first_name": "PERSON",
        "last_name": "PERSON",
        "email": "EMAIL_ADDRESS",
        "phone": "PHONE_NUMBER",
        "birth_date": "DATE_OF_BIRTH",
        "num_secu": "FR_NIR",
        "city": "LOCATION",
    },
    "public.support_tickets": {"body": "FREE_TEXT"},
    "public.newsletter": {"email": "EMAIL_ADDRESS"},
}
"""Expected classification of every PII column; every other column must be ``null``."""

TICKET_BODIES = (
    "Bonjour, je suis {name}. Merci de me rappeler au {phone}, je ne reçois plus mes factures.",
    "Bonjour, ma commande n'est pas arrivée. Vous pouvez me joindre au {phone}. {name}",
    "Je suis diabétique et je voudrais savoir si vos produits contiennent du sucre. Cordialement, {name}",
    "Suite à mon hospitalisation le mois dernier, je n'ai pas pu retourner le colis. {name}",
    "Le colis est arrivé abîmé, pouvez-vous le remplacer ? Merci.",
    "Merci d'écrire à mon adresse {email} plutôt que de m'appeler.",
)


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in ".-")).lower()


def fiction_phone(rng: random.Random) -> str:
    return f"{rng.choice(FICTION_PREFIXES)} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"


def fiction_nir(rng: random.Random) -> str:
    """A NIR with a valid key, built here from random parts (never a real person's)."""
    base = (
        f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 95):02d}"
        f"{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    )
    return base + nir.calc_check_digits(base)


def build_crm(conn: psycopg.Connection, customers: int = 60, seed: int = 1234) -> None:
    """Create and fill the CRM tables in the connection's current schema."""
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    conn.execute(CRM_DDL)
    people = []
    with conn.cursor() as cur:
        for i in range(1, customers + 1):
            first, last = fake.first_name(), fake.last_name()
            email = f"{ascii_fold(first)}.{ascii_fold(last)}{i}@example.com"
            phone = fiction_phone(rng)
            people.append((first, last, email, phone))
            cur.execute(
                "INSERT INTO customers (first_name, last_name, email, phone, birth_date, num_secu,"
                " city, status, loyalty_points, created_at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                (
                    first,
                    last,
                    email,
                    phone,
                    fake.date_of_birth(minimum_age=18, maximum_age=90),
                    fiction_nir(rng),
                    fake.city(),
                    rng.choice(["active", "inactive", "prospect"]),
                    rng.randint(0, 5000),
                    fake.date_time_this_decade(tzinfo=None),
                ),
            )
        for i in range(1, 2 * customers + 1):
            cur.execute(
                "INSERT INTO orders (customer_id, reference, amount, status, created_at)"
                " VALUES (%s,%s,%s,%s,%s)",
                (
                    rng.randint(1, customers),
                    f"ORD-{i:06d}",
                    round(rng.uniform(5, 900), 2),
                    rng.choice(["paid", "shipped", "refunded", "cancelled"]),
                    fake.date_time_this_year(),
                ),
            )
        for i in range(customers):
            customer_id = rng.randint(1, customers)
            first, last, email, phone = people[customer_id - 1]
            body = TICKET_BODIES[i % len(TICKET_BODIES)].format(
                name=f"{first} {last}", phone=phone, email=email
            )
            cur.execute(
                "INSERT INTO support_tickets (customer_id, subject, body, status, created_at)"
                " VALUES (%s,%s,%s,%s,%s)",
                (
                    customer_id,
                    rng.choice(["Livraison", "Facturation", "Question produit"]),
                    body,
                    rng.choice(["open", "closed"]),
                    fake.date_time_this_year(),
                ),
            )
        for first, last, email, _ in people[::2]:
            cur.execute(
                "INSERT INTO newsletter VALUES (%s,%s,%s)",
                (email, rng.random() < 0.8, fake.date_time_this_year()),
            )
    conn.execute("ANALYZE")


def grant_select(
    conn: psycopg.Connection, role: str, schema: str, tables: list[str] | None = None
) -> None:
    """SELECT (nothing else) for the scan role: on all tables of a schema, or only some."""
    conn.execute(
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(
            sql.Identifier(schema), sql.Identifier(role)
        )
    )
    if tables is None:
        conn.execute(
            sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(
                sql.Identifier(schema), sql.Identifier(role)
            )
        )
        return
    for table in tables:
        conn.execute(
            sql.SQL("GRANT SELECT ON {} TO {}").format(
                sql.Identifier(schema, table), sql.Identifier(role)
            )
        )


def people_table_sql(schema: str, rows: int) -> sql.Composed:
    """``schema.people``: ``rows`` synthetic contacts built server-side (for volume tests)."""
    return sql.SQL("""
        CREATE SCHEMA {schema};
        CREATE TABLE {table} (id bigint PRIMARY KEY, email text, phone text, label text);
        INSERT INTO {table}
            SELECT i, 'person' || i || '@example.com',
                   '03 53 01 ' || lpad((i % 100)::text, 2, '0') || ' ' || lpad((i / 100 % 100)::text, 2, '0'),
                   repeat('Libellé sans donnée personnelle. ', 5)
            FROM generate_series(1, {rows}) i;
        ANALYZE {table};
    """).format(
        schema=sql.Identifier(schema),
        table=sql.Identifier(schema, "people"),
        rows=sql.Literal(rows),
    )


@pytest.fixture(scope="session")
def crm_dsn(pg_database: PgDatabase) -> str:
    """The test CRM in schema ``public`` (built once per session), readable by the scan role."""
    with psycopg.connect(pg_database.dsn, autocommit=True) as conn:
        build_crm(conn)
        grant_select(conn, pg_database.scan_role, "public")
    return pg_database.dsn
