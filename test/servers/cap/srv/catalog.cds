using {odatakit.bookshop as my} from '../db/schema';

service CatalogService @(path: '/odata/v4/catalog') {
  entity Authors  as projection on my.Authors;

  entity Books    as projection on my.Books
    actions {
      // Adds to the stock and returns the book.
      action restock(amount : Integer not null) returns Books;
    };

  // Pages of 2 (server-driven paging, @odata.nextLink with $skiptoken), so that the suite follows a real nextLink chain.
  @cds.query.limit: {default: 2, max: 100}
  entity Editions as projection on my.Editions;
  // How many books there are.
  function countBooks() returns Integer;
}
