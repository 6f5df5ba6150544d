using {odatakit.bookshop as my} from '../db/schema';

service CatalogService @(path: '/odata/v4/catalog') {
  entity Authors  as projection on my.Authors;

  entity Books    as projection on my.Books
    actions {
      // Adds to the stock and returns the book.
      action restock(amount : Integer not null) returns Books;
    };

  entity Editions as projection on my.Editions;
  // How many books there are.
  function countBooks() returns Integer;
}
