const cds = require('@sap/cds');

// What the action and the function do; everything else is CAP's generic OData provider.
module.exports = class CatalogService extends cds.ApplicationService {
  init() {
    const { Books } = this.entities;
    this.on('restock', Books, async (req) => {
      const [{ ID }] = req.params;
      await UPDATE(Books, ID).with({ stock: { '+=': req.data.amount } });
      return SELECT.one.from(Books, ID);
    });
    this.on('countBooks', async () => {
      const row = await SELECT.one`count(*) as count`.from(Books);
      return row.count;
    });
    return super.init();
  }
};
