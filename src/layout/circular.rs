pub fn circular_grouped(_groups: &[usize], _radii: &[f32]) -> Vec<super::Point> {
    vec![[0.0; 2]; _groups.len()]
}
