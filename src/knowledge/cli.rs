//! EDGE: `supportbot kb …`.
