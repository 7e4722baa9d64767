//! Rows read by column position. sqlx's derived `FromRow` finds each column
//! by name, a hash lookup per value: on the list pages, 50 rows of 14 to 19
//! columns, that was a share of every page's time (bench/RESULTS.md). Here
//! a row type reads its fields from consecutive columns in declaration
//! order; in debug builds, which the tests run, each column's name is
//! checked against its field's, so a select list out of step with its
//! struct fails the first test that reads it.

use sqlx::{Column, ColumnIndex, Decode, Row, Type};

/// A row type read from consecutive columns, starting at any position, so
/// that one row type can hold another (`keyset::Counted`, `audit::NamedRow`).
pub trait Columns<'r, R: Row>: Sized {
    /// How many columns it reads.
    const COLUMNS: usize;
    fn from_columns(row: &'r R, first: usize) -> Result<Self, sqlx::Error>;
}

/// Column `at` of `row`, which the statement must have named `name`.
pub fn column<'r, R, T>(row: &'r R, at: usize, name: &str) -> Result<T, sqlx::Error>
where
    R: Row,
    usize: ColumnIndex<R>,
    T: Decode<'r, R::Database> + Type<R::Database>,
{
    // SQLite names a second column of the same name `name:1`
    // (`software::one_with_files` reads a purchase's `id` and its files').
    debug_assert_eq!(
        row.columns()
            .get(at)
            .map(|c| c.name().split_once(':').map_or(c.name(), |(n, _)| n)),
        Some(name),
        "column {at} of the statement is not the field it is read into"
    );
    row.try_get(at)
}

/// Declares a struct and implements [`Columns`] and `sqlx::FromRow` for it,
/// its fields read in order from the select list's columns.
macro_rules! by_position {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$fmeta:meta])* $fvis:vis $field:ident : $fty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$fmeta])* $fvis $field: $fty ),*
        }

        impl<'r, R: sqlx::Row> $crate::store::by_position::Columns<'r, R> for $name
        where
            usize: sqlx::ColumnIndex<R>,
            $( $fty: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>, )*
        {
            const COLUMNS: usize = [$(stringify!($field)),*].len();

            #[allow(unused_assignments)]
            fn from_columns(row: &'r R, first: usize) -> Result<Self, sqlx::Error> {
                let mut at = first;
                Ok(Self {
                    $( $field: {
                        let v = $crate::store::by_position::column(row, at, stringify!($field))?;
                        at += 1;
                        v
                    }, )*
                })
            }
        }

        impl<'r, R: sqlx::Row> sqlx::FromRow<'r, R> for $name
        where
            usize: sqlx::ColumnIndex<R>,
            $( $fty: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>, )*
        {
            fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
                <Self as $crate::store::by_position::Columns<'r, R>>::from_columns(row, 0)
            }
        }
    };
}
pub(crate) use by_position;
