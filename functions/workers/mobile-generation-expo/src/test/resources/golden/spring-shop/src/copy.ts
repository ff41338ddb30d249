/** Every title and message the app shows, in one place (edit here to change the wording). */
export const copy = {
  app: { title: 'shop', note: '' },
  products: { title: 'Products', singular: 'Product', emptyTitle: 'No products yet', emptyMessage: 'Lists the catalogue, optionally filtered by category.' },
};
