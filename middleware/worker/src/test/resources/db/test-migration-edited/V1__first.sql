CREATE TABLE widget (id bigint PRIMARY KEY, edited boolean);
