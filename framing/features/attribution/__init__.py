"""Attribution: who is quoted, with which reporting verb, named or not, from which side."""
