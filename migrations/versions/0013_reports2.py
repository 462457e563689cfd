"""reports2: covering indexes for the reports' aggregates (attendance per event and per person; Gateway uptake)

Revision ID: 0013_reports2
Revises: 0013_feedback2
Create Date: 2026-12-01 03:10:00

The six aims' attendance sums each event's bookings by status and attendance (an LA's: its people's bookings),
and Gateway uptake counts distinct profile owners by LA, sector and creation month. Without these the planner
walks an index that lacks a column it needs and reads every row from the table (tens of thousands of random
reads); with them each count reads one index alone. A person's bookings index gains the event and attendance.
"""

from alembic import op


revision = "0013_reports2"
down_revision = "0013_feedback2"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_event_booking_event_attendance", "event_booking", ["event_id", "status", "attended", "user_id"]),
    ("ix_gateway_profile_uptake_la", "gateway_profile", ["authority_id", "status", "owner_id"]),
    ("ix_gateway_profile_uptake_sector", "gateway_profile", ["sector", "status", "owner_id"]),
    ("ix_gateway_profile_uptake_created", "gateway_profile", ["created_at", "status", "owner_id"]),
)


def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.drop_index("ix_event_booking_user_status", table_name="event_booking")
    op.create_index("ix_event_booking_user_status", "event_booking", ["user_id", "status", "event_id", "attended"])


def downgrade():
    op.drop_index("ix_event_booking_user_status", table_name="event_booking")
    op.create_index("ix_event_booking_user_status", "event_booking", ["user_id", "status"])
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
