"""Numbered schema migrations for the store. Append only: never edit one that has shipped.

Timestamps are UTC, stored as plain TIMESTAMP (no zone) so analytics need no zone conversion.
"""

MIGRATIONS: list[str] = [
    # 1: accounts, attempts, drafts and the append-only activity log
    """
    CREATE SEQUENCE users_id_seq START 1;
    CREATE TABLE users (
        id INTEGER PRIMARY KEY DEFAULT nextval('users_id_seq'),
        username VARCHAR NOT NULL UNIQUE,
        email VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        password_hash VARCHAR NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('learner', 'educator')),
        is_demo BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMP NOT NULL,
        logged_out_at TIMESTAMP
    );
    CREATE TABLE login_failures (
        username VARCHAR PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TIMESTAMP NOT NULL,
        locked_until TIMESTAMP
    );
    CREATE SEQUENCE attempts_id_seq START 1;
    CREATE TABLE attempts (
        id BIGINT PRIMARY KEY DEFAULT nextval('attempts_id_seq'),
        user_id INTEGER NOT NULL,
        exercise_id VARCHAR NOT NULL,
        submitted_at TIMESTAMP NOT NULL,
        passed BOOLEAN NOT NULL,
        status VARCHAR NOT NULL,
        tests_passed INTEGER,
        tests_total INTEGER,
        hints_used INTEGER NOT NULL DEFAULT 0,
        duration_s DOUBLE,
        code VARCHAR
    );
    CREATE INDEX attempts_user ON attempts (user_id);
    CREATE TABLE drafts (
        user_id INTEGER NOT NULL,
        exercise_id VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        hints_shown INTEGER NOT NULL DEFAULT 0,
        started_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (user_id, exercise_id)
    );
    CREATE SEQUENCE events_id_seq START 1;
    CREATE TABLE events (
        id BIGINT NOT NULL DEFAULT nextval('events_id_seq'),
        occurred_at TIMESTAMP NOT NULL,
        user_id INTEGER,
        verb VARCHAR NOT NULL,
        object VARCHAR,
        result JSON,
        context JSON
    );
    CREATE TABLE skill_ratings (
        user_id INTEGER NOT NULL,
        skill VARCHAR NOT NULL,
        rating DOUBLE NOT NULL,
        evidence INTEGER NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (user_id, skill)
    );
    """,
    # 2: onboarding profiles, and the learner model with uncertainty: a general ability and skill
    # deviations per learner, a calibrated difficulty per exercise, the visible level and its
    # history, per-exercise progress with its spaced-review card, and each day's set as it was
    # planned, so a learner works through a set that holds still. The first model kept one
    # rating per skill without uncertainty; it restarts from the priors.
    """
    CREATE TABLE profiles (
        user_id INTEGER PRIMARY KEY,
        answers JSON NOT NULL,
        steps_done INTEGER NOT NULL,
        completed_at TIMESTAMP,
        updated_at TIMESTAMP NOT NULL
    );
    CREATE TABLE learner_state (
        user_id INTEGER PRIMARY KEY,
        ability DOUBLE NOT NULL,
        variance DOUBLE NOT NULL,
        evidence INTEGER NOT NULL,
        level INTEGER NOT NULL,
        level_pinned BOOLEAN NOT NULL,
        level_offset DOUBLE NOT NULL,
        successes_in_row INTEGER NOT NULL,
        struggles_in_row INTEGER NOT NULL,
        last_result_at TIMESTAMP,
        updated_at TIMESTAMP NOT NULL
    );
    DROP TABLE skill_ratings;
    CREATE TABLE skill_ratings (
        user_id INTEGER NOT NULL,
        skill VARCHAR NOT NULL,
        deviation DOUBLE NOT NULL,
        variance DOUBLE NOT NULL,
        evidence INTEGER NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (user_id, skill)
    );
    CREATE TABLE exercise_ratings (
        exercise_id VARCHAR PRIMARY KEY,
        difficulty DOUBLE NOT NULL,
        variance DOUBLE NOT NULL,
        evidence INTEGER NOT NULL,
        updated_at TIMESTAMP NOT NULL
    );
    CREATE TABLE level_changes (
        user_id INTEGER NOT NULL,
        changed_at TIMESTAMP NOT NULL,
        old_level INTEGER NOT NULL,
        new_level INTEGER NOT NULL,
        reason VARCHAR NOT NULL
    );
    CREATE INDEX level_changes_user ON level_changes (user_id);
    CREATE TABLE exercise_progress (
        user_id INTEGER NOT NULL,
        exercise_id VARCHAR NOT NULL,
        first_seen_at TIMESTAMP,
        last_seen_at TIMESTAMP,
        passes INTEGER NOT NULL DEFAULT 0,
        fails INTEGER NOT NULL DEFAULT 0,
        last_skipped_at TIMESTAMP,
        card JSON,
        due_at TIMESTAMP,
        PRIMARY KEY (user_id, exercise_id)
    );
    CREATE TABLE daily_sets (
        user_id INTEGER NOT NULL,
        day DATE NOT NULL,
        position INTEGER NOT NULL,
        exercise_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        probability DOUBLE NOT NULL,
        PRIMARY KEY (user_id, day, position)
    );
    """,
    # 3: cohorts: an educator's groups of learners, each with a join code learners type on their
    # profile. Analytics joins these to scope every cohort view to one educator's learners.
    """
    CREATE SEQUENCE cohorts_id_seq START 1;
    CREATE TABLE cohorts (
        id INTEGER PRIMARY KEY DEFAULT nextval('cohorts_id_seq'),
        name VARCHAR NOT NULL,
        educator_id INTEGER NOT NULL,
        join_code VARCHAR NOT NULL UNIQUE,
        created_at TIMESTAMP NOT NULL
    );
    CREATE TABLE cohort_members (
        cohort_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        joined_at TIMESTAMP NOT NULL,
        PRIMARY KEY (cohort_id, user_id)
    );
    CREATE INDEX cohort_members_user ON cohort_members (user_id);
    """,
    # 4: each learner's conversations with the tutor and their messages
    """
    CREATE SEQUENCE conversations_id_seq START 1;
    CREATE TABLE conversations (
        id INTEGER PRIMARY KEY DEFAULT nextval('conversations_id_seq'),
        user_id INTEGER NOT NULL,
        title VARCHAR NOT NULL,
        exercise_id VARCHAR,
        created_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL
    );
    CREATE INDEX conversations_user ON conversations (user_id);
    CREATE SEQUENCE conversation_messages_id_seq START 1;
    CREATE TABLE conversation_messages (
        id BIGINT PRIMARY KEY DEFAULT nextval('conversation_messages_id_seq'),
        conversation_id INTEGER NOT NULL,
        role VARCHAR NOT NULL CHECK (role IN ('learner', 'tutor')),
        content VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
    );
    CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id);
    """,
    # achievements each learner has unlocked (and whether the app has celebrated them yet), and
    # an index on events(user_id): one learner's figures then read that learner's rows only rather
    # than scanning the whole log (an index scan needs the filter on user_id alone in the WHERE)
    """
    CREATE TABLE achievements (
        user_id INTEGER NOT NULL,
        achievement VARCHAR NOT NULL,
        unlocked_at TIMESTAMP NOT NULL,
        celebrated_at TIMESTAMP,
        PRIMARY KEY (user_id, achievement)
    );
    CREATE INDEX events_user ON events (user_id);
    """,
    # the learner's memories (engine/memory.py): the record of what the tutor remembers, read by
    # the Memory page and analytics; Chroma holds only their vectors. seq orders memories made
    # in the same instant.
    """
    CREATE SEQUENCE memories_seq START 1;
    CREATE TABLE memories (
        id VARCHAR PRIMARY KEY,
        seq BIGINT NOT NULL DEFAULT nextval('memories_seq'),
        user_id INTEGER NOT NULL,
        kind VARCHAR NOT NULL CHECK (kind IN ('exchange', 'mistake', 'hint', 'goal')),
        text VARCHAR NOT NULL,
        skill VARCHAR,
        exercise_id VARCHAR,
        created_at TIMESTAMP NOT NULL
    );
    CREATE INDEX memories_user ON memories (user_id);
    """,
    # exercises a language model wrote on request: who asked, the skill, accepted (with the id it
    # was stored under, in <home>/generated) or rejected (with the reason), and the draft as written
    """
    CREATE SEQUENCE generated_exercises_id_seq START 1;
    CREATE TABLE generated_exercises (
        id INTEGER PRIMARY KEY DEFAULT nextval('generated_exercises_id_seq'),
        user_id INTEGER,
        skill VARCHAR NOT NULL,
        status VARCHAR NOT NULL CHECK (status IN ('accepted', 'rejected')),
        reason VARCHAR,
        detail VARCHAR,
        exercise_id VARCHAR,
        draft JSON NOT NULL,
        model VARCHAR,
        tokens INTEGER NOT NULL DEFAULT 0,
        created_at TIMESTAMP NOT NULL
    );
    """,
    # a user's settings of the app itself (not of their learning): which code editor they use
    """
    CREATE TABLE preferences (
        user_id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        PRIMARY KEY (user_id, name)
    );
    """,
    # 9: educator invitations (engine/invitations.py): one-time codes the administrator makes
    # (user_id), each used by at most one registration as an educator (used_by), until it expires
    # or is revoked. Codes are stored as cohort join codes are: ABCDEFGH, no dash.
    """
    CREATE SEQUENCE educator_invitations_id_seq START 1;
    CREATE TABLE educator_invitations (
        id INTEGER PRIMARY KEY DEFAULT nextval('educator_invitations_id_seq'),
        code VARCHAR NOT NULL UNIQUE,
        user_id INTEGER NOT NULL,
        created_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL,
        used_by INTEGER,
        used_at TIMESTAMP,
        revoked_at TIMESTAMP
    );
    """,
    # 10: a draft's time on the task (engine/attempts.py Draft): seconds of the pauses between the
    # learner's actions on the exercise, up to updated_at, each pause counted up to ten minutes
    """
    ALTER TABLE drafts ADD COLUMN active_s DOUBLE DEFAULT 0;
    """,
    # 11: the level the rule had when the learner pinned one (engine/learner.py): Back to automatic
    # returns to it, as the rule's runs stood still during the pin
    """
    ALTER TABLE learner_state ADD COLUMN level_before_pin INTEGER;
    """,
    # 12: the user's time zone (IANA name), where their days begin: today's set, streaks, the
    # calendar. NULL until known (the browser tells it at the next login); UTC meanwhile
    """
    ALTER TABLE users ADD COLUMN time_zone VARCHAR;
    """,
    # 13: an attempt's hints and seconds, its result's "hints" and "duration_s", as columns of the log too
    # (engine/events.py writes both): the cohort dashboard reads them on every attempt of a cohort, and a
    # JSON field is read out of the whole text of each result (a cohort's hints on a 10-million-event
    # log: 140 ms out of the JSON, 45 ms as a column)
    """
    ALTER TABLE events ADD COLUMN hints INTEGER;
    ALTER TABLE events ADD COLUMN duration_s DOUBLE;
    UPDATE events SET hints = CAST(result->>'hints' AS INTEGER), duration_s = CAST(result->>'duration_s' AS DOUBLE)
    WHERE result IS NOT NULL;
    """,
    # 14: this installation's own id, drawn once: an xAPI statement's id is made from it and the event's, so
    # that two installations (or one made again) never give two different statements the same id
    """
    CREATE TABLE installation (id UUID NOT NULL);
    INSERT INTO installation SELECT uuid();
    """,
    # 15: when the learner went to another page of the app with the exercise open (engine/attempts.py Draft):
    # its time on the task stood still from then until they came back, rather than counting the other page
    """
    ALTER TABLE drafts ADD COLUMN away_since TIMESTAMP;
    """,
]
