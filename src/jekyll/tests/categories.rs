use crate::jekyll::categories::{
    CategoryItem, CategoryValue, categories_from_path, categories_placeholder, document_categories,
    slugified_categories_placeholder,
};

fn owned(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn from_directories_above_posts() {
    assert_eq!(
        categories_from_path("news/media/_posts/2022-01-05-a.md", "_posts"),
        owned(&["news", "media"])
    );
    assert!(categories_from_path("_posts/news/2022-01-05-a.md", "_posts").is_empty());
    // The pattern is found anywhere, even inside another directory name.
    assert_eq!(
        categories_from_path("my_posts_dir/_posts/a.md", "_posts"),
        owned(&["my"])
    );
}

#[test]
fn merging_front_matter() {
    let path = owned(&["news"]);
    let text = CategoryValue::Text("media  news".into());
    assert_eq!(
        document_categories(&path, None, Some(&text), None),
        Some(owned(&["news", "media"]))
    );
    let list = CategoryValue::List(vec![
        CategoryItem::Text("Press".into()),
        CategoryItem::Scalar("2022".into()),
        CategoryItem::Nil,
    ]);
    // Integer 2022 and its string "2022" are both kept, and so are nil and "".
    assert_eq!(
        document_categories(&[], None, Some(&list), None),
        Some(owned(&["Press", "2022", "", "2022", ""]))
    );
    let single = CategoryValue::Text("Speeches & Talks".into());
    assert_eq!(
        document_categories(&path, None, None, Some(&single)),
        Some(owned(&["news", "Speeches & Talks"]))
    );
    assert_eq!(
        document_categories(&[], None, Some(&CategoryValue::Scalar("5".into())), None),
        None
    );
}

#[test]
fn placeholders() {
    let cats = owned(&["Press Releases", "press releases", "Q&A"]);
    assert_eq!(categories_placeholder(&cats), "press releases/q&a");
    assert_eq!(
        slugified_categories_placeholder(&cats),
        "press-releases/q-a"
    );
}
