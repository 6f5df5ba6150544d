namespace odatakit.bookshop;

// A small bookshop: Int32 keys (Authors, Books), a composite key (Editions: book and number),
// a managed association (Books.author, and its backlink Authors.books) and a composition
// (Books.editions), so that the suite has navigation to walk.
entity Authors {
  key ID    : Integer;
      name  : String(111) not null;
      born  : Date;
      books : Association to many Books
                on books.author = $self;
}

entity Books {
  key ID       : Integer;
      title    : String(111) not null;
      stock    : Integer;
      price    : Decimal(9, 2);
      author   : Association to Authors;
      editions : Composition of many Editions
                   on editions.book = $self;
}

entity Editions {
  key book      : Association to Books;
  key number    : Integer;
      publisher : String(111);
}
