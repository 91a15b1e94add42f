CREATE TABLE gadget (id bigint);
SELECT no_such_function();
